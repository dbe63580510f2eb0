package id.berdaya.registry.lookup;

import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.RegistryTestApplication;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.beneficiary.Registration;
import id.berdaya.registry.imports.ImportBatch;
import id.berdaya.registry.imports.ImportCsv;
import id.berdaya.registry.imports.ImportPreview;
import id.berdaya.registry.imports.ImportService;
import id.berdaya.registry.nik.NikCheck;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The daily limit of NIKs found in another district (default 20), shared by the import preview and the registration form. */
@SpringBootTest(classes = RegistryTestApplication.class)
class ForeignNikServiceTest {

    static final Path DIR = Path.of("target", "foreign-nik-test-files");
    static final int LIMIT = 20;

    @Autowired ForeignNikService foreign;
    @Autowired ImportService importer;
    @Autowired BeneficiaryService registry;
    @Autowired RegistryFixture fixture;
    @Autowired TestAccounts accounts;
    @Autowired AuditService audit;

    BerdayaUser operatorPkl;
    BerdayaUser admin;

    @BeforeEach
    void users() {
        operatorPkl = accounts.ensure("uji.asing.op.pkl", Role.DISTRICT_OPERATOR, "33.26");
        admin = accounts.ensure("uji.asing.admin", Role.PROVINCE_ADMIN, null);
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    /** People registered in Pekalongan (33.26), as its operator; then back to {@code then}. */
    private List<NewBeneficiary> registeredInPekalongan(int n, BerdayaUser then) {
        TestAccounts.loginAs(operatorPkl);
        List<NewBeneficiary> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NewBeneficiary p = fixture.person("33.26", "Warga Asing Uji " + i, RegistryFixture.birth(), i % 2 == 0 ? Sex.L : Sex.P);
            registry.register(p);
            people.add(p);
        }
        TestAccounts.loginAs(then);
        return people;
    }

    /** A row of Purbalingga (33.03) carrying this NIK. */
    private NewBeneficiary inPurbalingga(String nik) {
        NewBeneficiary p = fixture.person("33.03", "Calon Uji Batas", RegistryFixture.birth(), Sex.L);
        return p.withIdentity(p.identity().withNik(nik));
    }

    private Path file(String name, List<NewBeneficiary> rows) {
        ImportCsv csv = new ImportCsv();
        rows.forEach(csv::row);
        return csv.write(DIR, name, false);
    }

    /** The events of a user's action, read as a province administrator; then logged in as that user again. */
    private List<AuditEntry> events(BerdayaUser of, RegistryAction action) {
        TestAccounts.loginAs(admin);
        try {
            return audit.page(new AuditFilter(of.getUsername(), action.code(), null, null, null), 0, 500);
        } finally {
            TestAccounts.loginAs(of);
        }
    }

    private static String refusalKey(Throwable t) {
        return ((RuleViolation) t).problems().getFirst().key();
    }

    @Test
    void pastTheDailyLimitThePreviewIsRefusedTheProvinceAlertedAndEveryPreviewRefusedThatDay() {
        BerdayaUser prober = accounts.fresh("uji.asing.impor", Role.DISTRICT_OPERATOR, "33.03");
        List<NewBeneficiary> known = registeredInPekalongan(LIMIT + 1, prober);
        List<NewBeneficiary> first = known.subList(0, LIMIT).stream().map(p -> inPurbalingga(p.nik())).toList();

        ImportPreview allowed = importer.preview("batas-20.csv", file("batas-20.csv", first));
        assertThat(allowed.batch().counts().skipped()).isEqualTo(LIMIT);
        ImportPreview again = importer.preview("batas-20-lagi.csv", file("batas-20-lagi.csv", first));
        assertThat(again.batch().counts().skipped()).as("the same NIKs again count once").isEqualTo(LIMIT);

        List<NewBeneficiary> oneMore = List.of(inPurbalingga(known.get(LIMIT).nik()), fixture.person("33.03", "Calon Baru", RegistryFixture.birth(), Sex.P));
        assertThatThrownBy(() -> importer.preview("batas-21.csv", file("batas-21.csv", oneMore)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.problems().getFirst().key()).isEqualTo("registry.nik.foreignLimit");
                    assertThat(v.problems().getFirst().args()).containsExactly(LIMIT);
                });
        List<NewBeneficiary> harmless = List.of(fixture.person("33.03", "Calon Tanpa Masalah", RegistryFixture.birth(), Sex.P));
        assertThatThrownBy(() -> importer.preview("sesudah.csv", file("sesudah.csv", harmless)))
                .as("past the limit every preview is refused, so that a refusal answers nothing about a NIK")
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.problems().getFirst().key()).isEqualTo("registry.nik.foreignLimit"));
        assertThat(importer.history(200)).extracting(ImportBatch::fileName).contains("batas-20.csv").doesNotContain("batas-21.csv", "sesudah.csv");

        List<AuditEntry> found = events(prober, RegistryAction.NIK_FOUND_ELSEWHERE);
        assertThat(found).hasSize(2 * LIMIT + 1).allSatisfy(e -> {
            assertThat(e.kabkotaCode()).isEqualTo("33.03");
            assertThat(e.subjectKabkotaCode()).isNull();
            assertThat(e.newValue()).doesNotContain("33.26");
        });
        TestAccounts.loginAs(admin);
        String hash = foreign.hash(known.get(LIMIT).nik());
        assertThat(found).filteredOn(e -> e.newValue().contains(hash)).hasSize(1);
        assertThat(found).noneSatisfy(e -> assertThat(e.newValue()).contains(known.get(LIMIT).nik()));
        assertThat(foreign.seesAlerts()).isTrue();
        assertThat(foreign.alerts(50)).filteredOn(e -> e.username().equals(prober.getUsername())).hasSize(2)
                .allSatisfy(e -> assertThat(e.kabkotaCode()).isEqualTo("33.03"));
    }

    @Test
    void theFormSaysAtOnceWhenATypedNikIsRegisteredAndSharesTheLimit() {
        BerdayaUser prober = accounts.fresh("uji.asing.form", Role.DISTRICT_OPERATOR, "33.03");
        List<NewBeneficiary> known = registeredInPekalongan(LIMIT + 1, prober);
        NewBeneficiary own = fixture.person("33.03", "Warga Sendiri Uji", RegistryFixture.birth(), Sex.P);
        Registration ownRecord = registry.register(own);

        NikCheck mine = registry.checkNik(own.nik(), own.birthDate(), own.sex(), "33.03", null);
        assertThat(mine.errors()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("registry.nik.exists");
            assertThat(p.args()).containsExactly("Warga Sendiri Uji", ownRecord.id());
        });
        assertThat(registry.checkNik(own.nik(), own.birthDate(), own.sex(), "33.03", ownRecord.id()).valid())
                .as("a record's own NIK is no conflict while it is corrected").isTrue();

        NewBeneficiary f = known.getFirst();
        for (int i = 0; i < 3; i++) {
            NikCheck elsewhere = registry.checkNik(f.nik(), f.birthDate(), f.sex(), "33.03", null);
            assertThat(elsewhere.errors()).extracting(RuleViolation.Problem::key).containsExactly("registry.nik.registeredElsewhere");
            assertThat(elsewhere.errors().getFirst().args()).isEmpty();
        }
        for (NewBeneficiary p : known.subList(1, LIMIT)) {
            assertThat(registry.checkNik(p.nik(), p.birthDate(), p.sex(), "33.03", null).valid()).isFalse();
        }
        assertThat(events(prober, RegistryAction.NIK_FOUND_ELSEWHERE)).hasSize(LIMIT + 2);

        assertThatThrownBy(() -> registry.register(inPurbalingga(known.get(LIMIT).nik())))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.problems().getFirst().key()).isEqualTo("registry.nik.foreignLimit"));
        NewBeneficiary fresh = fixture.person("33.03", "Belum Terdaftar", RegistryFixture.birth(), Sex.L);
        assertThatThrownBy(() -> registry.checkNik(fresh.nik(), fresh.birthDate(), fresh.sex(), "33.03", null))
                .satisfies(t -> assertThat(refusalKey(t)).isEqualTo("registry.nik.foreignLimit"));
        assertThatThrownBy(() -> importer.preview("form-lalu-impor.csv", file("form-lalu-impor.csv", List.of(fresh))))
                .as("the import shares the form's limit")
                .satisfies(t -> assertThat(refusalKey(t)).isEqualTo("registry.nik.foreignLimit"));
        assertThat(events(prober, RegistryAction.FOREIGN_NIK_LIMIT_REACHED)).hasSize(3);
    }

    @Test
    void parallelLookupsOfOneUserNeverPassTheLimit() throws Exception {
        BerdayaUser prober = accounts.fresh("uji.asing.paralel", Role.DISTRICT_OPERATOR, "33.03");
        int tries = LIMIT + 12;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                String nik = "3326%012d".formatted(700_000_000L + i);
                Callable<Boolean> lookup = () -> {
                    TestAccounts.loginAs(prober);
                    start.await();
                    try {
                        foreign.foundElsewhere(List.of(nik), ForeignNikService.Via.FORM);
                        return true;
                    } catch (RuleViolation refused) {
                        return false;
                    } finally {
                        TestAccounts.logout();
                    }
                };
                results.add(pool.submit(lookup));
            }
            start.countDown();
            int answered = 0;
            for (Future<Boolean> r : results) {
                answered += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(answered).isEqualTo(LIMIT);
        } finally {
            pool.shutdownNow();
        }
        TestAccounts.loginAs(prober);
        assertThatThrownBy(() -> foreign.requireWithinLimit(ForeignNikService.Via.IMPORT)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void parallelPreviewsOfOneUserCountTogether() throws Exception {
        BerdayaUser prober = accounts.fresh("uji.asing.pratinjau", Role.DISTRICT_OPERATOR, "33.03");
        int perFile = 8;
        List<NewBeneficiary> known = registeredInPekalongan(4 * perFile, prober);
        List<Path> files = new ArrayList<>();
        for (int f = 0; f < 4; f++) {
            files.add(file("paralel-" + f + ".csv", known.subList(f * perFile, (f + 1) * perFile).stream().map(p -> inPurbalingga(p.nik())).toList()));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> {
                    TestAccounts.loginAs(prober);
                    start.await();
                    try {
                        importer.preview(file.getFileName().toString(), file);
                        return true;
                    } catch (RuleViolation refused) {
                        assertThat(refused.problems().getFirst().key()).isEqualTo("registry.nik.foreignLimit");
                        return false;
                    } finally {
                        TestAccounts.logout();
                    }
                }));
            }
            start.countDown();
            int previewed = 0;
            for (Future<Boolean> r : results) {
                previewed += r.get(120, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(previewed).as("8 + 8 fit in 20, a third file of 8 does not").isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
