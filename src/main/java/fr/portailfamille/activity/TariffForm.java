package fr.portailfamille.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** A new version of a tariff grid: its first day and up to {@link #ROWS} quotient-familial brackets × 3 sibling ranks. */
class TariffForm {

    static final int ROWS = 6;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;
    private List<Row> rows = new ArrayList<>();

    TariffForm() {
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Row());
        }
    }

    /** One bracket: QF min–max and the price of one unit for the 1st, 2nd and 3rd-or-more child. */
    public static class Row {
        private Integer qfMin;
        private Integer qfMax;
        private String price1;
        private String price2;
        private String price3;

        boolean isBlank() {
            return qfMin == null && qfMax == null && blank(price1) && blank(price2) && blank(price3);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        public Integer getQfMin() { return qfMin; }
        public void setQfMin(Integer qfMin) { this.qfMin = qfMin; }
        public Integer getQfMax() { return qfMax; }
        public void setQfMax(Integer qfMax) { this.qfMax = qfMax; }
        public String getPrice1() { return price1; }
        public void setPrice1(String price1) { this.price1 = price1; }
        public String getPrice2() { return price2; }
        public void setPrice2(String price2) { this.price2 = price2; }
        public String getPrice3() { return price3; }
        public void setPrice3(String price3) { this.price3 = price3; }

        String price(int rank) {
            return rank == 1 ? price1 : rank == 2 ? price2 : price3;
        }

        /** A price as typed (« 4,50 » or « 4.50 »), or null when it is not an amount. */
        static BigDecimal amount(String typed) {
            if (blank(typed)) {
                return null;
            }
            try {
                return new BigDecimal(typed.trim().replace(',', '.').replace("€", "").trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public List<Row> getRows() { return rows; }
    public void setRows(List<Row> rows) { this.rows = rows; }
}
