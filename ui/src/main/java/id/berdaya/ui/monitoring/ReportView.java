package id.berdaya.ui.monitoring;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.CurrentUser;
import id.berdaya.monitoring.report.ReportService;
import id.berdaya.monitoring.report.ReportWords;
import id.berdaya.monitoring.scorecard.Indicator;
import id.berdaya.monitoring.scorecard.ScorecardService;
import id.berdaya.ui.components.XlsxDownload;
import jakarta.annotation.security.PermitAll;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Reports, {@code /laporan}: a month (month and year) and, for provincial roles, the province's
 * recapitulation or one district's monthly report; XLSX or PDF. District roles and partners get
 * their own district's (a partner's with "&lt;5").
 */
@Route("laporan")
@PermitAll
public class ReportView extends VerticalLayout implements HasDynamicTitle {

    /** The province's recapitulation in the area choice. */
    public static final String PROVINCE_CHOICE = "";

    final Select<Integer> month = new Select<>();
    final Select<Integer> year = new Select<>();
    public final Select<String> area = new Select<>();
    private final ReportService reports;
    private final ScorecardService scorecards;
    private final Map<String, Kabkota> districts;

    public ReportView(ReportService reports, ScorecardService scorecards, RegionService regions) {
        this.reports = reports;
        this.scorecards = scorecards;
        this.districts = regions.kabkotaByCode();
        add(new H2(getTranslation("report.title")));
        YearMonth last = YearMonth.now(IndonesianFormat.WIB);
        month.setLabel(getTranslation("report.month"));
        month.setItems(IntStream.rangeClosed(1, 12).boxed().toList());
        month.setItemLabelGenerator(IndonesianFormat::monthName);
        month.setValue(last.getMonthValue());
        month.setId("report-month");
        year.setLabel(getTranslation("report.year"));
        year.setItems(IntStream.rangeClosed(last.getYear() - 4, last.getYear()).boxed().sorted((a, b) -> b - a).toList());
        year.setValue(last.getYear());
        year.setId("report-year");
        area.setLabel(getTranslation("report.area"));
        area.setId("report-area");
        List<String> areas = new ArrayList<>();
        if (reports.mayRecapProvince()) {
            areas.add(PROVINCE_CHOICE);
            areas.addAll(districts.keySet().stream().sorted().toList());
        } else {
            areas.add(CurrentUser.require().kabkotaCode());
        }
        area.setItems(areas);
        area.setItemLabelGenerator(code -> code.isEmpty() ? getTranslation("report.province") : name(code));
        area.setValue(areas.getFirst());
        XlsxDownload xlsx = new XlsxDownload(getTranslation("report.xlsx"), "laporan",
                out -> reports.export(kabkota(), period(), ReportService.Format.XLSX, words(), out));
        xlsx.setId("report-xlsx");
        XlsxDownload pdf = XlsxDownload.pdf(getTranslation("report.pdf"), "laporan",
                out -> reports.export(kabkota(), period(), ReportService.Format.PDF, words(), out));
        pdf.setId("report-pdf");
        HorizontalLayout form = new HorizontalLayout(month, year, area, xlsx, pdf);
        form.setAlignItems(FlexComponent.Alignment.END);
        form.setWrap(true);
        add(form);
        Span hint = new Span(getTranslation("report.hint"));
        hint.addClassName("berdaya-map-hint");
        add(hint);
    }

    /** The chosen district, or null for the province's recapitulation. */
    public String kabkota() {
        return area.getValue() == null || area.getValue().isEmpty() ? null : area.getValue();
    }

    public YearMonth period() {
        return YearMonth.of(year.getValue(), month.getValue());
    }

    /** The report's words in the user's language. */
    public ReportWords words() {
        String when = IndonesianFormat.monthName(period().getMonthValue()) + " " + period().getYear();
        String place = kabkota() == null ? getTranslation("beranda.allDistricts") : name(kabkota());
        Map<Indicator, String> columns = new EnumMap<>(Indicator.class);
        for (Indicator i : Indicator.values()) {
            columns.put(i, getTranslation("scorecard.column." + i.name()));
        }
        String title = kabkota() == null ? getTranslation("report.provinceTitle", when) : getTranslation("report.districtTitle", when);
        return new ReportWords(title, place, getTranslation("report.period", when),
                getTranslation("report.state", IndonesianFormat.date(LocalDate.now(IndonesianFormat.WIB))),
                getTranslation("scorecard.code"), getTranslation(kabkota() == null ? "scorecard.kabkota" : "scorecard.kecamatan"),
                columns, getTranslation("scorecard.total"), getTranslation("report.sheetPeriod"), getTranslation("report.sheetState"),
                scorecards.suppressesSmallCells() ? getTranslation("scorecard.suppressedNote") : "");
    }

    private String name(String code) {
        Kabkota k = districts.get(code);
        return k == null ? code : k.displayName();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("report.title") + " · Berdaya";
    }
}
