package fr.portailfamille.system.calendar;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import fr.portailfamille.system.PortalTime;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * The town's calendar, the only one of the portal: French public holidays (Jollyday), the school
 * holidays of zone B (the data file {@code calendar/vacances-zone-b.csv} the town updates each year),
 * working days, and the working-day arithmetic of booking cut-offs and process timers.
 *
 * <p>Counting rule: {@code plusWorkingDays(day, n)} is the n-th working day <em>after</em> {@code day},
 * the day itself never counted (as a French « délai » starts the next day): Friday + 1 = Monday,
 * Saturday + 1 = Monday too. {@code n = 0} is the day itself, working day or not (nothing to wait
 * for); {@code minusWorkingDays} mirrors it. « Now » is the portal's one {@link Clock}, the bean that
 * reads the process engine's clock, so a process test that moves the engine's time moves the
 * due dates as well.
 */
@Service("townCalendar")
public class TownCalendar {

    static final String HOLIDAYS_FILE = "calendar/vacances-zone-b.csv";

    /** A school holiday period: from {@code firstDay} (included) to {@code returnDay} (excluded). */
    public record SchoolHoliday(String schoolYear, String label, LocalDate firstDay, LocalDate returnDay) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(firstDay) && day.isBefore(returnDay);
        }
    }

    private final HolidayManager publicHolidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));
    private final List<SchoolHoliday> schoolHolidays = load();
    private final Clock clock;

    public TownCalendar(Clock clock) {
        this.clock = clock;
    }

    public boolean isPublicHoliday(LocalDate day) {
        return publicHolidays.isHoliday(day);
    }

    public Optional<SchoolHoliday> schoolHoliday(LocalDate day) {
        return schoolHolidays.stream().filter(h -> h.contains(day)).findFirst();
    }

    public boolean isSchoolHoliday(LocalDate day) {
        return schoolHoliday(day).isPresent();
    }

    public List<SchoolHoliday> schoolHolidays() {
        return schoolHolidays;
    }

    /** A working day of the town's services: Monday to Friday, not a public holiday. */
    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !isPublicHoliday(day);
    }

    /** A day with class: a working day outside the school holidays. */
    public boolean isSchoolDay(LocalDate day) {
        return isWorkingDay(day) && !isSchoolHoliday(day);
    }

    /** The n-th working day after {@code day}, {@code day} not counted; {@code n = 0}: {@code day} itself. */
    public LocalDate plusWorkingDays(LocalDate day, int n) {
        return moveWorkingDays(day, n, 1);
    }

    /** The n-th working day before {@code day}, {@code day} not counted; {@code n = 0}: {@code day} itself. */
    public LocalDate minusWorkingDays(LocalDate day, int n) {
        return moveWorkingDays(day, n, -1);
    }

    private LocalDate moveWorkingDays(LocalDate day, int n, int step) {
        if (n < 0) {
            throw new IllegalArgumentException("nombre de jours ouvrés négatif : " + n);
        }
        LocalDate current = day;
        for (int left = n; left > 0; ) {
            current = current.plusDays(step);
            if (isWorkingDay(current)) {
                left--;
            }
        }
        return current;
    }

    /** A cut-off: {@code n} working days before {@code day} at {@code time}, in Paris time. */
    public ZonedDateTime cutOff(LocalDate day, int workingDaysBefore, LocalTime time) {
        return minusWorkingDays(day, workingDaysBefore).atTime(time).atZone(PortalTime.ZONE);
    }

    /** The same time of day {@code n} working days after {@code from} (Paris time): escalation timers. */
    public ZonedDateTime plusWorkingDays(ZonedDateTime from, int n) {
        ZonedDateTime paris = from.withZoneSameInstant(PortalTime.ZONE);
        return plusWorkingDays(paris.toLocalDate(), n).atTime(paris.toLocalTime()).atZone(PortalTime.ZONE);
    }

    /** Now (the portal's clock), plus {@code n} working days, at the same time of day: the due date of a process timer. */
    public Date afterWorkingDays(int n) {
        return Date.from(plusWorkingDays(ZonedDateTime.now(clock), n).toInstant());
    }

    /** Our own file or the Ministry's open-data export, as {@link SchoolHolidaysFile} reads them. */
    private static List<SchoolHoliday> load() {
        try (Reader reader = new InputStreamReader(new ClassPathResource(HOLIDAYS_FILE).getInputStream(), StandardCharsets.UTF_8)) {
            return SchoolHolidaysFile.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("calendrier scolaire illisible : " + HOLIDAYS_FILE, e);
        }
    }
}
