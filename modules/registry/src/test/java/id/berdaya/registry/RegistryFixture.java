package id.berdaya.registry;

import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.synthetic.SyntheticNik;

import id.berdaya.core.region.Desa;
import id.berdaya.core.region.Kecamatan;
import id.berdaya.core.region.RegionService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Synthetic people for the registry's tests: valid NIKs in a given district, unique per run. */
@Component
public class RegistryFixture {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private final RegionService regions;

    RegistryFixture(RegionService regions) {
        this.regions = regions;
    }

    /** A person born on {@code birth} in the first desa of the first kecamatan of the district; caller must be logged in. */
    public NewBeneficiary person(String kabkota, String fullName, LocalDate birth, Sex sex) {
        Kecamatan kec = regions.kecamatan(kabkota).getFirst();
        List<Desa> desa = regions.desa(kec.code());
        int serial = SERIAL.incrementAndGet();
        return new NewBeneficiary(
                new NewBeneficiary.Identity(SyntheticNik.of(kec.code(), birth, sex, serial), null, fullName, null, sex, "Uji", birth),
                new NewBeneficiary.Address(kabkota, kec.code(), desa.getFirst().code(), "001", "002", "Jl. Uji Coba"),
                NewBeneficiary.Circumstances.NONE,
                new NewBeneficiary.Programme(15, "LAPAS_BAPAS", LegalBasis.PUBLIC_TASK, "catatan sensitif uji"));
    }

    /** The person with a synthetic KK number of their kecamatan (serial 9xxx, recognisably synthetic). */
    public static NewBeneficiary withKk(NewBeneficiary p) {
        String kk = p.nik().substring(0, 6) + "010126" + (9000 + SERIAL.incrementAndGet() % 1000);
        return p.withIdentity(p.identity().withKkNumber(kk));
    }

    /** Another date each call, so that tests do not make each other's records look alike. */
    public static LocalDate birth() {
        int n = SERIAL.incrementAndGet();
        return LocalDate.of(1960 + n % 40, 1 + n % 12, 1 + n % 28);
    }
}
