package fr.portailfamille.attendance;

import fr.portailfamille.activity.ActivitySummary;
import fr.portailfamille.family.ChildSummary;
import fr.portailfamille.family.FamilyFiles;
import fr.portailfamille.family.FamilySummary;
import fr.portailfamille.family.Regime;
import fr.portailfamille.planning.BillableBooking;
import fr.portailfamille.planning.Bookings;
import fr.portailfamille.system.PortalTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * « Rapport CAF — prestation de service »: for an activity and a month, the acts (in the activity's
 * unit: journée, demi-journée, repas, séance) booked, realised and billed, by age band on the day
 * (under 6, 6 and over) and by the family's scheme (CAF, MSA, other or not given), with totals —
 * the figures a town declares to the CAF. Booked: the bookings that held a place (cancellations
 * after the cut-off included); realised: the children ticked present on the day sheets, with or
 * without a booking; billed: what the monthly billing bills by the activity's rule ({@link BilledDays}).
 */
@Service
@Transactional(readOnly = true)
class CafReport {

    /** The age bands of the CAF: the child's age on the day. */
    enum AgeBand {
        UNDER_SIX("Moins de 6 ans"), SIX_AND_OVER("6 ans et plus");

        private final String label;

        AgeBand(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static AgeBand of(ChildSummary child, LocalDate day) {
            return child.ageOn(day) < 6 ? UNDER_SIX : SIX_AND_OVER;
        }
    }

    /** The schemes the report counts apart; a file without a scheme counts with the others. */
    enum Scheme {
        CAF("CAF"), MSA("MSA"), OTHER("Autre régime ou non précisé");

        private final String label;

        Scheme(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static Scheme of(Regime regime) {
            return regime == Regime.CAF ? CAF : regime == Regime.MSA ? MSA : OTHER;
        }
    }

    /** Acts booked, realised and billed. */
    record Figures(int booked, int realised, int billed) {

        static final Figures NONE = new Figures(0, 0, 0);

        public Figures plus(Figures other) {
            return new Figures(booked + other.booked, realised + other.realised, billed + other.billed);
        }
    }

    /** One line of the report: a scheme and an age band, or a total ({@code total} true). */
    record Line(String scheme, String ageBand, Figures figures, boolean total) {}

    /** The report of an activity's month. */
    record Report(ActivitySummary activity, YearMonth month, Map<Scheme, Map<AgeBand, Figures>> cells) {

        public Figures cell(Scheme scheme, AgeBand band) {
            return cells.getOrDefault(scheme, Map.of()).getOrDefault(band, Figures.NONE);
        }

        public Figures total() {
            Figures total = Figures.NONE;
            for (Scheme scheme : Scheme.values()) {
                for (AgeBand band : AgeBand.values()) {
                    total = total.plus(cell(scheme, band));
                }
            }
            return total;
        }

        /** Each scheme by age band then its total, each age band's total, and the grand total: the page, the CSV and the PDF. */
        public List<Line> lines() {
            List<Line> lines = new ArrayList<>();
            for (Scheme scheme : Scheme.values()) {
                Figures ofScheme = Figures.NONE;
                for (AgeBand band : AgeBand.values()) {
                    lines.add(new Line(scheme.label(), band.label(), cell(scheme, band), false));
                    ofScheme = ofScheme.plus(cell(scheme, band));
                }
                lines.add(new Line(scheme.label(), "Tous âges", ofScheme, true));
            }
            for (AgeBand band : AgeBand.values()) {
                Figures ofBand = Figures.NONE;
                for (Scheme scheme : Scheme.values()) {
                    ofBand = ofBand.plus(cell(scheme, band));
                }
                lines.add(new Line("Tous régimes", band.label(), ofBand, true));
            }
            lines.add(new Line("Total", "Tous âges", total(), true));
            return lines;
        }

        public String monthLabel() {
            return PortalTime.MONTH.format(month);
        }

        /** « journée », « repas »…: what one act is. */
        public String unit() {
            return activity.bookingUnit().label();
        }
    }

    private final Bookings bookings;
    private final FamilyFiles families;
    private final BilledDays billedDays;
    private final JdbcClient jdbc;

    CafReport(Bookings bookings, FamilyFiles families, BilledDays billedDays, JdbcClient jdbc) {
        this.bookings = bookings;
        this.families = families;
        this.billedDays = billedDays;
        this.jdbc = jdbc;
    }

    Report of(ActivitySummary activity, YearMonth month) {
        List<BillableBooking> booked = bookings.billableOfActivity(activity.id(), month);
        List<ChildDay> realised = jdbc.sql("""
                select e.family_file_id, e.child_id, s.day from attendance_entry e join attendance_sheet s on s.id = e.sheet_id
                where s.activity_id = ? and s.day between ? and ? and e.status in ('PRESENT', 'PRESENT_UNBOOKED')""")
                .params(activity.id(), month.atDay(1), month.atEndOfMonth())
                .query((rs, i) -> new ChildDay(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class))).list();
        Set<Long> familyIds = new TreeSet<>();
        booked.forEach(b -> familyIds.add(b.familyFileId()));
        realised.forEach(r -> familyIds.add(r.familyFileId()));

        Map<Long, ChildSummary> children = new HashMap<>();
        for (FamilySummary family : families.findAll(familyIds)) {
            family.children().forEach(c -> children.put(c.id(), c));
        }
        Map<Long, Regime> regimes = families.regimes(familyIds);
        Map<Scheme, Map<AgeBand, int[]>> counts = new EnumMap<>(Scheme.class);
        booked.forEach(b -> count(counts, children, regimes, b.childId(), b.day(), 0));
        realised.forEach(r -> count(counts, children, regimes, r.childId(), r.day(), 1));
        billedDays.of(activity.id(), month, familyIds).forEach(b -> count(counts, children, regimes, b.childId(), b.day(), 2));

        Map<Scheme, Map<AgeBand, Figures>> cells = new EnumMap<>(Scheme.class);
        counts.forEach((scheme, bands) -> {
            Map<AgeBand, Figures> ofScheme = new EnumMap<>(AgeBand.class);
            bands.forEach((band, n) -> ofScheme.put(band, new Figures(n[0], n[1], n[2])));
            cells.put(scheme, ofScheme);
        });
        return new Report(activity, month, cells);
    }

    private static void count(Map<Scheme, Map<AgeBand, int[]>> counts, Map<Long, ChildSummary> children, Map<Long, Regime> regimes,
            long childId, LocalDate day, int column) {
        ChildSummary child = children.get(childId);
        if (child == null) {
            return;  // a child no longer in any file (deleted since): not counted
        }
        Scheme scheme = Scheme.of(regimes.get(child.familyFileId()));
        counts.computeIfAbsent(scheme, s -> new EnumMap<>(AgeBand.class))
                .computeIfAbsent(AgeBand.of(child, day), b -> new int[3])[column]++;
    }

    private record ChildDay(long familyFileId, long childId, LocalDate day) {}
}
