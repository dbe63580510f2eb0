package id.berdaya.monitoring.report;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.monitoring.MonitoringAction;
import id.berdaya.monitoring.MonitoringEntity;
import id.berdaya.monitoring.scorecard.Scorecard;
import id.berdaya.monitoring.scorecard.ScorecardService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The reports: a district's monthly report (per kecamatan) and the province's recapitulation (per
 * kabupaten/kota), each what happened in the month and the state as of today ("per tanggal"),
 * as XLSX or PDF. Only aggregates: never a NIK, a name or a category. The scope and the partners'
 * "&lt;5" are the scorecard's; every export is audited.
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

    public enum Format { XLSX, PDF }

    private final ScorecardService scorecards;
    private final AuditLog audit;

    ReportService(ScorecardService scorecards, AuditLog audit) {
        this.scorecards = scorecards;
        this.audit = audit;
    }

    /** A report's two parts: the month, and the state as of today. {@code kabkotaCode} null: the province's recapitulation. */
    public record Report(String kabkotaCode, YearMonth month, Scorecard period, Scorecard state) {
    }

    /** Whether the current user may ask for the province's recapitulation (else their district's report only). */
    @PreAuthorize("isAuthenticated()")
    public boolean mayRecapProvince() {
        return scorecards.seesProvince();
    }

    /** The report of a district within scope, or the province's ({@code kabkotaCode} null, provincial roles). */
    @PreAuthorize("isAuthenticated()")
    public Report report(String kabkotaCode, YearMonth month) {
        Scorecard period = scorecards.inPeriod(kabkotaCode, month.atDay(1), month.atEndOfMonth());
        Scorecard state = kabkotaCode == null ? scorecards.province() : scorecards.district(kabkotaCode);
        return new Report(kabkotaCode, month, period, state);
    }

    /** Writes the report as XLSX (two sheets) or PDF; audited with its district, month and format. */
    @PreAuthorize("isAuthenticated()")
    public void export(String kabkotaCode, YearMonth month, Format format, ReportWords words, OutputStream out) {
        Report r = report(kabkotaCode, month);
        if (format == Format.PDF) {
            ReportPdf.render(r.period(), r.state(), words, out);
        } else {
            try (XlsxExport x = new XlsxExport(out, sheet(words.periodSheet(), r.period(), words))) {
                r.period().writeTo(x, words.totalLabel());
                x.nextSheet(sheet(words.stateSheet(), r.state(), words));
                r.state().writeTo(x, words.totalLabel());
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("report", kabkotaCode == null ? "province" : kabkotaCode);
        after.put("month", month.toString());
        after.put("format", format.name());
        audit.record(AuditEvent.of(MonitoringAction.REPORT_EXPORTED).entity(MonitoringEntity.REPORT, month.toString())
                .district(kabkotaCode).after(after));
    }

    private static XlsxSheet sheet(String name, Scorecard card, ReportWords words) {
        return new XlsxSheet(name, card.headers(words.codeHeader(), words.nameHeader(), i -> words.columns().getOrDefault(i, i.name())));
    }
}
