package id.berdaya.core.region;

import id.berdaya.core.audit.AuditEvent;
import id.berdaya.core.audit.CoreAction;
import id.berdaya.core.audit.CoreEntity;
import id.berdaya.core.audit.AuditLog;
import id.berdaya.core.export.XlsxExport;
import id.berdaya.core.export.XlsxSheet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The administrative regions of Jawa Tengah (reference data, the same for every user). The
 * kabupaten/kota list is small and never changes at run time, so it is read once.
 */
@Service
@Transactional(readOnly = true)
public class RegionService {

    private final RegionRepository repository;
    private final AuditLog audit;
    private volatile List<Kabkota> kabkota;
    private volatile RegionCodes codes;

    RegionService(RegionRepository repository, AuditLog audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** The 35 kabupaten/kota, by code. */
    @PreAuthorize("isAuthenticated()")
    public List<Kabkota> kabkota() {
        List<Kabkota> list = kabkota;
        if (list == null) {
            list = List.copyOf(repository.kabkota());
            kabkota = list;
        }
        return list;
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<Kabkota> kabkota(String code) {
        return kabkota().stream().filter(k -> k.code().equals(code)).findFirst();
    }

    @PreAuthorize("isAuthenticated()")
    public Map<String, Kabkota> kabkotaByCode() {
        return kabkota().stream().collect(Collectors.toMap(Kabkota::code, Function.identity()));
    }

    /** The kecamatan of one kabupaten/kota, by name. */
    @PreAuthorize("isAuthenticated()")
    public List<Kecamatan> kecamatan(String kabkotaCode) {
        return repository.kecamatan(kabkotaCode);
    }

    /** The desa/kelurahan of one kecamatan, by name. */
    @PreAuthorize("isAuthenticated()")
    public List<Desa> desa(String kecamatanCode) {
        return repository.desa(kecamatanCode);
    }

    /** All province, kabupaten/kota and kecamatan codes, read once (reference data does not change at run time). */
    @PreAuthorize("isAuthenticated()")
    public RegionCodes codes() {
        RegionCodes c = codes;
        if (c == null) {
            c = repository.codes();
            codes = c;
        }
        return c;
    }

    /** The name of an Indonesian province by its two-digit code (NIK checks). */
    @PreAuthorize("isAuthenticated()")
    public Optional<String> provinceName(String code) {
        return repository.provinceName(code);
    }

    /** The name of any Indonesian kabupaten/kota by its code "pp.kk" (NIK checks). */
    @PreAuthorize("isAuthenticated()")
    public Optional<String> nationalKabkotaName(String code) {
        return repository.nationalKabkotaName(code);
    }

    /** Exports the kecamatan and desa of one kabupaten/kota (or all 35 when null) as XLSX. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public int export(String kabkotaCode, XlsxSheet sheet, OutputStream out) {
        int rows = 0;
        try (XlsxExport xlsx = new XlsxExport(out, sheet)) {
            for (Kabkota k : kabkota()) {
                if (kabkotaCode != null && !kabkotaCode.equals(k.code())) {
                    continue;
                }
                for (Kecamatan kec : repository.kecamatan(k.code())) {
                    for (Desa d : repository.desa(kec.code())) {
                        xlsx.row(k.code(), k.displayName(), kec.code(), kec.name(), d.code(), d.name(),
                                d.kelurahan() ? "Kelurahan" : "Desa");
                        rows++;
                    }
                }
            }
        }
        audit.record(AuditEvent.of(CoreAction.REGIONS_EXPORTED).entity(CoreEntity.REGION, kabkotaCode).district(kabkotaCode)
                .after(Map.of("rows", rows)));
        return rows;
    }
}
