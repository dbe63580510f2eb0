package id.berdaya.monitoring.report;

import id.berdaya.monitoring.scorecard.Indicator;

import java.util.Map;

/**
 * The words of a report in the user's language, given by the view (the module knows no
 * language): the title, the period's and the state's headings ("Keadaan per tanggal ..."), the
 * headers, the total's label and a footnote (e.g. the "&lt;5" rule for partners).
 */
public record ReportWords(String title, String place, String periodHeading, String stateHeading, String codeHeader,
                          String nameHeader, Map<Indicator, String> columns, String totalLabel, String periodSheet,
                          String stateSheet, String footnote) {

    public ReportWords {
        columns = Map.copyOf(columns);
    }
}
