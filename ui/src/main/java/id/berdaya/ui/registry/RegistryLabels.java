package id.berdaya.ui.registry;

import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import id.berdaya.core.region.RegionService;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Display helpers shared by the register's views: status badges, region names, ages. */
final class RegistryLabels {

    private final Component owner;
    private final RegionService regions;
    private final Map<String, String> kecamatanNames = new ConcurrentHashMap<>();
    private final Map<String, String> desaNames = new ConcurrentHashMap<>();

    RegistryLabels(Component owner, RegionService regions) {
        this.owner = owner;
        this.regions = regions;
    }

    Span status(BeneficiaryStatus status) {
        Span badge = new Span(owner.getTranslation("registry.status." + status.name()));
        badge.getElement().getThemeList().add("badge");
        switch (status) {
            case VERIFIED, ACTIVE, GRADUATED -> badge.getElement().getThemeList().add("success");
            case EXITED, MOVED, DECEASED -> badge.getElement().getThemeList().add("contrast");
            default -> { }
        }
        return badge;
    }

    String sex(Sex sex) {
        return owner.getTranslation("registry.sex." + sex.name());
    }

    String kabkota(String code) {
        return regions.kabkota(code).map(k -> k.displayName()).orElse(code);
    }

    String kecamatan(String kabkota, String code) {
        if (!kecamatanNames.containsKey(code)) {
            regions.kecamatan(kabkota).forEach(k -> kecamatanNames.put(k.code(), k.name()));
        }
        return kecamatanNames.getOrDefault(code, code);
    }

    String desa(String kecamatan, String code) {
        if (!desaNames.containsKey(code)) {
            regions.desa(kecamatan).forEach(d -> desaNames.put(d.code(), d.name()));
        }
        return desaNames.getOrDefault(code, code);
    }

    static int age(LocalDate birth) {
        return Period.between(birth, LocalDate.now(ZoneId.of("Asia/Jakarta"))).getYears();
    }

    String flags(List<String> flags) {
        return String.join(", ", flags.stream().map(f -> owner.getTranslation("registry.flag." + f)).toList());
    }
}
