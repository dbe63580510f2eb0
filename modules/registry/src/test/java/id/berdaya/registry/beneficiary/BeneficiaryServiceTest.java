package id.berdaya.registry.beneficiary;

import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.RegistryTestApplication;
import id.berdaya.registry.LegalBasis;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.Sex;
import id.berdaya.registry.document.DocumentService;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditFilter;
import id.berdaya.core.export.XlsxSheet;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = RegistryTestApplication.class)
class BeneficiaryServiceTest {

    @Autowired BeneficiaryService registry;
    @Autowired BeneficiaryRepository repository;
    @Autowired RegistryFixture fixture;
    @Autowired TestAccounts accounts;
    @Autowired AuditService audit;
    @Autowired DocumentService documents;

    BerdayaUser operatorPbg;
    BerdayaUser headPbg;
    BerdayaUser headPkl;
    BerdayaUser operatorPkl;
    BerdayaUser officer;
    BerdayaUser admin;

    @BeforeEach
    void users() {
        operatorPbg = accounts.ensure("uji.reg.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        headPbg = accounts.ensure("uji.reg.kadinsos.pbg", Role.DISTRICT_HEAD, "33.03");
        headPkl = accounts.ensure("uji.reg.kadinsos.pkl", Role.DISTRICT_HEAD, "33.26");
        operatorPkl = accounts.ensure("uji.reg.op.pkl", Role.DISTRICT_OPERATOR, "33.26");
        officer = accounts.ensure("uji.reg.verif", Role.PROVINCE_OFFICER, null);
        admin = accounts.ensure("uji.reg.admin", Role.PROVINCE_ADMIN, null);
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private static List<String> keys(RuleViolation v) {
        return v.problems().stream().map(RuleViolation.Problem::key).toList();
    }

    private Registration registerInPurbalingga(String name) {
        TestAccounts.loginAs(operatorPbg);
        return registry.register(fixture.person("33.03", name, RegistryFixture.birth(), Sex.P));
    }

    @Test
    void theDetailShowsNeitherTheNiksNorTheKkNumbersBirthOrSerialDigits() {
        TestAccounts.loginAs(operatorPbg);
        NewBeneficiary p = fixture.person("33.03", "Siti Uji Samaran", RegistryFixture.birth(), Sex.P);
        String kk = "3303" + p.nik().substring(4, 6) + "0101269" + String.format("%03d", 100 + (int) (Math.random() * 800));
        Registration r = registry.register(p.withIdentity(p.identity().withKkNumber(kk)));

        BeneficiaryDetail d = registry.get(r.id()).orElseThrow();
        assertThat(d.maskedNik()).isEqualTo(p.nik().substring(0, 4) + " •••• •••• ••••");
        assertThat(d.kkNumber()).isEqualTo(kk.substring(0, 4) + " •••• •••• ••••");
    }

    @Test
    void anOperatorRegistersAPersonAndANikWarningIsStoredAsAReviewFlag() {
        TestAccounts.loginAs(operatorPbg);
        NewBeneficiary p = fixture.person("33.03", "Siti Uji Peringatan", LocalDate.of(1985, 3, 12), Sex.P);
        NewBeneficiary differentBirthDate = p.withIdentity(p.identity().withBirthDate(LocalDate.of(1985, 3, 13)));

        Registration r = registry.register(differentBirthDate);

        assertThat(r.warnings()).extracting(RuleViolation.Problem::key).containsExactly("nik.warn.birthDate");
        BeneficiaryDetail d = registry.get(r.id()).orElseThrow();
        assertThat(d.reviewFlags()).containsExactly("birthDate");
        assertThat(d.status()).isEqualTo(BeneficiaryStatus.REGISTERED);
        assertThat(d.maskedNik()).isEqualTo(p.nik().substring(0, 4) + " •••• •••• ••••")
                .doesNotContain(p.nik().substring(4, 12)).doesNotContain(p.nik().substring(12));
        assertThat(d.category()).contains("BWBLP");
    }

    @Test
    void aMalformedNikAndMissingDataAreRefusedTogetherAndNothingIsWritten() {
        TestAccounts.loginAs(operatorPbg);
        int before = registry.countUpTo(BeneficiaryFilter.none(), 100_000);
        NewBeneficiary p = fixture.person("33.03", " ", LocalDate.of(1990, 1, 1), Sex.L);
        NewBeneficiary bad = new NewBeneficiary(
                new NewBeneficiary.Identity("3303011313900001", "12", p.fullName(), null, null, null, p.birthDate()),
                new NewBeneficiary.Address(p.kabkotaCode(), p.kecamatanCode(), "33.03.99.2001", null, null, null),
                NewBeneficiary.Circumstances.NONE, new NewBeneficiary.Programme(null, "SELF", LegalBasis.CONSENT, null));
        assertThatThrownBy(() -> registry.register(bad)).isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keys(v))
                .contains("nik.error.month", "registry.fullName.required", "registry.sex.required", "registry.kk.invalid",
                        "registry.region.desa", "registry.category.required"));
        assertThat(registry.countUpTo(BeneficiaryFilter.none(), 100_000)).isEqualTo(before);
    }

    @Test
    void anOperatorCannotRegisterIntoAnotherDistrict() {
        TestAccounts.loginAs(operatorPkl);
        assertThatThrownBy(() -> registry.register(fixture.person("33.03", "Salah Kabupaten", RegistryFixture.birth(), Sex.L)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keys(v)).contains("registry.kabkota.notYours"));
    }

    @Test
    void anExistingNikInTheOwnDistrictIsRefusedNamingThePerson() {
        TestAccounts.loginAs(operatorPbg);
        NewBeneficiary p = fixture.person("33.03", "Dewi Sudah Ada", RegistryFixture.birth(), Sex.P);
        Registration first = registry.register(p);
        assertThatThrownBy(() -> registry.register(p)).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(keys(v)).containsExactly("registry.nik.exists");
            assertThat(v.problems().getFirst().args()).containsExactly("Dewi Sudah Ada", first.id());
        });
    }

    @Test
    void anExistingNikInAnotherDistrictSaysOnlyWhereToAskNeverWho() {
        Registration r = registerInPurbalingga("Ratna Rahasia Lain");
        TestAccounts.loginAs(headPbg);
        String nik = registry.revealNik(r.id(), "uji cek NIK");

        TestAccounts.loginAs(operatorPkl);
        NewBeneficiary sameNik = fixture.person("33.26", "Nama Lain", RegistryFixture.birth(), Sex.P);
        NewBeneficiary attempt = new NewBeneficiary(
                new NewBeneficiary.Identity(nik, null, sameNik.fullName(), null, Sex.P, null, sameNik.birthDate()),
                new NewBeneficiary.Address(sameNik.kabkotaCode(), sameNik.kecamatanCode(), sameNik.desaCode(), null, null, null),
                NewBeneficiary.Circumstances.NONE,
                new NewBeneficiary.Programme(15, "SELF", LegalBasis.PUBLIC_TASK, null));
        assertThatThrownBy(() -> registry.register(attempt)).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(keys(v)).containsExactly("registry.nik.registeredElsewhere");
            assertThat(v.problems().getFirst().args()).as("not even the district").isEmpty();
            assertThat(v.getMessage()).doesNotContain("Ratna", "Purbalingga", "33.03");
        });
        TestAccounts.loginAs(admin);
        List<AuditEntry> events = audit.page(new AuditFilter(operatorPkl.getUsername(), null, null, null, null), 0, 50);
        assertThat(events).filteredOn(e -> e.action().equals("BENEFICIARY_NIK_FOUND_ELSEWHERE")).isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.kabkotaCode()).as("the prober's district, which sees its own trail").isEqualTo("33.26");
                    assertThat(e.subjectKabkotaCode()).isNull();
                    assertThat(e.newValue()).doesNotContain(nik, "33.03").containsPattern("\"nikHash\" ?: ?\"[0-9a-f]{32}\"");
                });
        assertThat(events).as("no refusal of the prober names the other district")
                .filteredOn(e -> e.action().equals("BENEFICIARY_DUPLICATE_REFUSED") || e.action().equals("BENEFICIARY_NIK_FOUND_ELSEWHERE"))
                .allSatisfy(e -> assertThat(e.kabkotaCode() + e.newValue() + e.subjectKabkotaCode()).doesNotContain("33.03"));
    }

    @Test
    void aSimilarNameAndBirthDateWithAnotherNikIsRegisteredAndQueuedAsAPossibleDuplicate() {
        TestAccounts.loginAs(operatorPbg);
        LocalDate birth = RegistryFixture.birth();
        registry.register(fixture.person("33.03", "Sri Wahyuni Kembar", birth, Sex.P));
        Registration second = registry.register(fixture.person("33.03", "SRI  Wahyuní-Kembar", birth, Sex.P));
        assertThat(second.possibleDuplicates()).isEqualTo(1);
    }

    @Test
    void theDistrictHeadVerifiesAndAProvincialVerifierCanReturnWithAReason() {
        Registration a = registerInPurbalingga("Ani Akan Diverifikasi");
        Registration b = registerInPurbalingga("Budi Akan Dikembalikan");
        TestAccounts.loginAs(headPbg);
        registry.verify(a.id(), registry.get(a.id()).orElseThrow().version());
        assertThat(registry.get(a.id()).orElseThrow().status()).isEqualTo(BeneficiaryStatus.VERIFIED);

        TestAccounts.loginAs(officer);
        int version = registry.get(b.id()).orElseThrow().version();
        assertThatThrownBy(() -> registry.returnForRevision(b.id(), "", version)).isInstanceOf(RuleViolation.class);
        registry.returnForRevision(b.id(), "Alamat RT/RW belum lengkap", version);
        BeneficiaryDetail returned = registry.get(b.id()).orElseThrow();
        assertThat(returned.status()).isEqualTo(BeneficiaryStatus.REGISTERED);
        assertThat(returned.returnReason()).isEqualTo("Alamat RT/RW belum lengkap");
        assertThatThrownBy(() -> registry.verify(b.id(), version)).as("stale version")
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keys(v)).containsExactly("error.concurrentChange"));
    }

    @Test
    void aPekalonganHeadCannotReadListCountVerifyOrExportAPurbalinggaPerson() throws Exception {
        Registration r = registerInPurbalingga("Wulan Rahasia Purbalingga");
        TestAccounts.loginAs(operatorPkl);
        Registration own = registry.register(fixture.person("33.26", "Warga Pekalongan", RegistryFixture.birth(), Sex.L));
        TestAccounts.loginAs(headPkl);

        assertThat(registry.get(r.id())).isEmpty();
        assertThat(registry.page(BeneficiaryFilter.none().withName("Wulan Rahasia"), null, 50)).isEmpty();
        assertThat(registry.countUpTo(BeneficiaryFilter.none().withName("Wulan Rahasia"), 1000)).isZero();
        assertThat(registry.countUpTo(BeneficiaryFilter.none().withKabkota("33.03"), 1000)).isZero();
        assertThatThrownBy(() -> registry.verify(r.id(), 1)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(keys(v)).containsExactly("error.notFound"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        registry.export(BeneficiaryFilter.none().withName("Wulan"), new XlsxSheet("Penerima Manfaat", List.of("NIK", "Nama")), out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            assertThat(rows.map(row -> row.getCellText(1))).doesNotContain("Wulan Rahasia Purbalingga");
        }

        TestAccounts.loginAs(admin);
        AuditFilter headsDenials = new AuditFilter(headPkl.getUsername(), "SCOPE_DENIED", null, null, null);
        List<AuditEntry> denials = audit.page(headsDenials, 0, 10);
        assertThat(denials).extracting(AuditEntry::entityId).contains(String.valueOf(r.id()));
        int denialsBefore = audit.count(headsDenials);

        TestAccounts.loginAs(headPkl);
        assertThat(repository.find(List.of(r.id(), own.id(), Long.MAX_VALUE))).as("the batch read the duplicate queue uses")
                .containsOnlyKeys(own.id());
        TestAccounts.loginAs(admin);
        assertThat(audit.count(headsDenials)).as("the batch read audits the foreign record too").isEqualTo(denialsBefore + 1);
        assertThat(audit.page(headsDenials, 0, 1).getFirst().entityId()).isEqualTo(String.valueOf(r.id()));
    }

    @Test
    void nameSearchMatchesPrefixesOfAnyWordIgnoringCaseAndAccentsAndNikMatchesExactly() {
        Registration r = registerInPurbalingga("Dwi Ástuti Ningsih Cari");
        TestAccounts.loginAs(headPbg);
        for (String q : List.of("dwi", "astuti", "ÁSTU", "ningsih cari", "cari dwi")) {
            assertThat(registry.page(BeneficiaryFilter.none().withName(q), null, 50)).as(q)
                    .extracting(BeneficiarySummary::id).contains(r.id());
        }
        assertThat(registry.page(BeneficiaryFilter.none().withName("stuti"), null, 50)).extracting(BeneficiarySummary::id)
                .doesNotContain(r.id());
        String nik = registry.revealNik(r.id(), "uji pencarian NIK");
        BeneficiaryFilter byNik = new BeneficiaryFilter(nik, null, null, null, null, null, null, null, null, null, false);
        assertThat(registry.page(byNik, null, 50)).extracting(BeneficiarySummary::id).containsExactly(r.id());
    }

    @Test
    void pagesFollowEachOtherBySeekWithoutGapsOrOverlap() {
        for (int i = 0; i < 7; i++) {
            registerInPurbalingga("Halaman Uji " + i);
        }
        TestAccounts.loginAs(headPbg);
        BeneficiaryFilter f = BeneficiaryFilter.none().withName("halaman uji");
        List<BeneficiarySummary> all = registry.page(f, null, 100);
        Set<Long> seen = new HashSet<>();
        Long before = null;
        while (true) {
            List<BeneficiarySummary> page = registry.page(f, before, 3);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(p -> assertThat(seen.add(p.id())).isTrue());
            before = page.getLast().id();
        }
        assertThat(seen).hasSize(all.size()).hasSizeGreaterThanOrEqualTo(7);
        assertThat(registry.countUpTo(f, 1000)).isEqualTo(all.size());
    }

    @Test
    void namesakesAreListedByBirthDateAndNoneIsLostBetweenPages() {
        TestAccounts.loginAs(operatorPbg);
        for (LocalDate born : List.of(LocalDate.of(1991, 3, 1), LocalDate.of(1975, 8, 17), LocalDate.of(1983, 1, 9))) {
            registry.register(fixture.person("33.03", "Sama Namanya Sekali", born, Sex.P));
        }
        TestAccounts.loginAs(headPbg);
        BeneficiaryFilter f = BeneficiaryFilter.none().withName("sama namanya sekali");
        for (ListOrder order : List.of(ListOrder.NAME_ASC, ListOrder.NAME_DESC)) {
            List<LocalDate> births = new java.util.ArrayList<>();
            BeneficiarySummary after = null;
            for (List<BeneficiarySummary> page; !(page = registry.page(f, order, after, 1)).isEmpty(); after = page.getLast()) {
                births.add(page.getFirst().birthDate());
            }
            List<LocalDate> expected = new java.util.ArrayList<>(List.of(LocalDate.of(1975, 8, 17), LocalDate.of(1983, 1, 9),
                    LocalDate.of(1991, 3, 1)));
            if (order == ListOrder.NAME_DESC) {
                java.util.Collections.reverse(expected);
            }
            assertThat(births).as(order.name()).isEqualTo(expected);
        }
        TestAccounts.loginAs(officer); // a province-wide name search seeks in every district's tokens
        assertThat(registry.page(BeneficiaryFilter.none().withName("sama namany"), ListOrder.NAME_ASC, null, 10)).hasSize(3);
        TestAccounts.loginAs(headPkl);
        assertThat(registry.page(BeneficiaryFilter.none().withName("sama namany"), ListOrder.NAME_ASC, null, 10)).isEmpty();
    }

    @Test
    void theListPagesByNameInBothDirectionsBySeek() {
        for (String n : List.of("Urut Cahya", "Urut Ayu", "Urut Eka", "Urut Bayu", "Urut Dimas")) {
            registerInPurbalingga(n);
        }
        TestAccounts.loginAs(headPbg);
        BeneficiaryFilter f = BeneficiaryFilter.none().withName("urut");
        List<String> names = new java.util.ArrayList<>();
        BeneficiarySummary after = null;
        while (true) {
            List<BeneficiarySummary> page = registry.page(f, ListOrder.NAME_ASC, after, 2);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(p -> names.add(p.fullName()));
            after = page.getLast();
        }
        assertThat(names).containsExactly("Urut Ayu", "Urut Bayu", "Urut Cahya", "Urut Dimas", "Urut Eka");
        assertThat(registry.page(f, ListOrder.NAME_DESC, null, 2)).extracting(BeneficiarySummary::fullName)
                .containsExactly("Urut Eka", "Urut Dimas");
        List<BeneficiarySummary> newest = registry.page(f, ListOrder.NEWEST, null, 5);
        assertThat(newest).extracting(BeneficiarySummary::fullName).first().isEqualTo("Urut Dimas");
    }

    @Test
    void fieldOfficersDoNotSeeCategoriesOrSensitiveNotesAndPartnersSeeNothing() {
        Registration r = registerInPurbalingga("Tari Pendampingan");
        TestAccounts.loginAs(accounts.ensure("uji.reg.pendamping", Role.FIELD_OFFICER, "33.03"));
        BeneficiaryDetail d = registry.get(r.id()).orElseThrow();
        assertThat(d.category()).isNull();
        assertThat(d.sensitiveNotes()).isNull();
        assertThat(registry.listCapabilities()).doesNotContain(BeneficiaryService.ListCapability.FILTER_BY_CATEGORY);

        TestAccounts.loginAs(accounts.ensure("uji.reg.mitra", Role.PARTNER, "33.03"));
        assertThatThrownBy(() -> registry.get(r.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.page(BeneficiaryFilter.none(), null, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theReferralSourceIsHiddenLikeTheCategoryAndAFilterOnEitherIsRefusedAndAudited() {
        Registration r = registerInPurbalingga("Rini Rujukan Lapas");
        TestAccounts.loginAs(headPbg);
        assertThat(registry.get(r.id()).orElseThrow().referralSource()).isEqualTo("LAPAS_BAPAS");
        BeneficiaryFilter byCategory = new BeneficiaryFilter(null, "Rini Rujukan", null, null, null, 15, null, null, null, null, false);
        assertThat(registry.page(byCategory, null, 10)).extracting(BeneficiarySummary::id).containsExactly(r.id());
        BeneficiaryFilter byReferral = BeneficiaryFilter.none().withName("Rini Rujukan").withReferralSource("LAPAS_BAPAS");
        assertThat(registry.page(byReferral, null, 10)).extracting(BeneficiarySummary::id).containsExactly(r.id());
        assertThat(registry.countUpTo(byReferral.withReferralSource("OUTREACH"), 10)).isZero();
        assertThat(registry.listCapabilities()).contains(BeneficiaryService.ListCapability.FILTER_BY_CATEGORY,
                BeneficiaryService.ListCapability.FILTER_BY_REFERRAL);

        BerdayaUser fieldOfficer = TestAccounts.loginAs(accounts.ensure("uji.reg.pendamping", Role.FIELD_OFFICER, "33.03"));
        BeneficiaryDetail d = registry.get(r.id()).orElseThrow();
        assertThat(d.referralSource()).as("Lapas/Bapas tells a criminal record: as sensitive as the category").isNull();
        assertThat(d.category()).isNull();
        assertThat(registry.page(BeneficiaryFilter.none().withName("Rini Rujukan"), null, 10)).singleElement()
                .satisfies(s -> assertThat(s.category()).isNull());
        assertThatThrownBy(() -> registry.page(byCategory, null, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.page(byCategory, ListOrder.NAME_ASC, null, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.countUpTo(byCategory, 100)).as("a count per category tells as much")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registry.countUpTo(byReferral, 100)).isInstanceOf(AccessDeniedException.class);
        assertThat(registry.listCapabilities()).doesNotContain(BeneficiaryService.ListCapability.FILTER_BY_CATEGORY,
                BeneficiaryService.ListCapability.FILTER_BY_REFERRAL);

        TestAccounts.loginAs(admin);
        List<AuditEntry> denials = audit.page(new AuditFilter(fieldOfficer.getUsername(), "ACCESS_DENIED", null, null, null), 0, 10);
        assertThat(denials).extracting(AuditEntry::entityId).contains("BeneficiaryService.page", "BeneficiaryService.countUpTo");
        assertThat(denials).extracting(AuditEntry::newValue).anyMatch(v -> v.contains("category")).anyMatch(v -> v.contains("referralSource"));
    }

    /**
     * The buttons a view shows come from allowedActions; each action must be allowed exactly when
     * method security lets its call through. Calls with a stale version or a short reason pass the
     * role check and then stop at a rule, so nothing changes.
     */
    @Test
    void allowedActionsAreExactlyTheCallsThatMethodSecurityLetsThrough() {
        Registration r = registerInPurbalingga("Rahma Tombol Peran");
        for (BerdayaUser u : List.of(operatorPbg, headPbg, officer, admin,
                accounts.ensure("uji.reg.pendamping", Role.FIELD_OFFICER, "33.03"))) {
            TestAccounts.loginAs(u);
            Set<BeneficiaryService.Action> allowed = registry.allowedActions(registry.get(r.id()).orElseThrow());
            Set<BeneficiaryService.Action> passed = new HashSet<>();
            for (BeneficiaryService.Action a : BeneficiaryService.Action.values()) {
                Runnable call = switch (a) {
                    case EDIT -> () -> registry.update(r.id(), fixture.person("33.03", "Rahma Tombol Peran", RegistryFixture.birth(), Sex.P), -1);
                    case VERIFY -> () -> registry.verify(r.id(), -1);
                    case RETURN -> () -> registry.returnForRevision(r.id(), "alasan cukup panjang", -1);
                    case CHANGE_STATUS -> () -> registry.changeStatus(r.id(), BeneficiaryStatus.MOVED, "pindah alamat", -1);
                    case REVEAL_NIK -> () -> registry.revealNik(r.id(), "x");
                    case UPLOAD_DOCUMENT -> () -> documents.upload(r.id(), null, "ktp.pdf", null);
                };
                try {
                    call.run();
                    throw new AssertionError(a + " changed something");
                } catch (RuleViolation passedTheRoleCheck) {
                    passed.add(a);
                } catch (AccessDeniedException refused) {
                    // not allowed
                }
            }
            assertThat(allowed).as("allowed actions of %s on a registered record", u.role()).isEqualTo(passed);
        }
        assertThat(registry.allowedActions(registry.get(r.id()).orElseThrow())).as("a field officer only reveals")
                .containsExactly(BeneficiaryService.Action.REVEAL_NIK);

        TestAccounts.loginAs(headPbg);
        registry.verify(r.id(), registry.get(r.id()).orElseThrow().version());
        assertThat(registry.allowedActions(registry.get(r.id()).orElseThrow())).as("verified: no second verification")
                .containsExactlyInAnyOrder(BeneficiaryService.Action.CHANGE_STATUS, BeneficiaryService.Action.REVEAL_NIK,
                        BeneficiaryService.Action.UPLOAD_DOCUMENT);
        TestAccounts.loginAs(operatorPbg);
        assertThat(registry.allowedActions(registry.get(r.id()).orElseThrow())).contains(BeneficiaryService.Action.EDIT);
        assertThat(registry.listCapabilities()).containsExactlyInAnyOrder(BeneficiaryService.ListCapability.values());
        TestAccounts.loginAs(headPbg);
        registry.changeStatus(r.id(), BeneficiaryStatus.DECEASED, "meninggal dunia", registry.get(r.id()).orElseThrow().version());
        assertThat(registry.allowedActions(registry.get(r.id()).orElseThrow())).as("closed: no edit, no status change")
                .doesNotContain(BeneficiaryService.Action.CHANGE_STATUS, BeneficiaryService.Action.VERIFY);
        TestAccounts.loginAs(operatorPbg);
        assertThat(registry.allowedActions(registry.get(r.id()).orElseThrow())).doesNotContain(BeneficiaryService.Action.EDIT);
    }

    @Test
    void viewingADetailAndRevealingANikAreAudited() {
        Registration r = registerInPurbalingga("Lestari Dilihat");
        TestAccounts.loginAs(headPbg);
        registry.get(r.id());
        assertThatThrownBy(() -> registry.revealNik(r.id(), " ")).isInstanceOf(RuleViolation.class);
        registry.revealNik(r.id(), "verifikasi KTP");

        TestAccounts.loginAs(admin);
        List<AuditEntry> trail = audit.page(new AuditFilter(headPbg.getUsername(), null, null, null, null), 0, 50).stream()
                .filter(e -> String.valueOf(r.id()).equals(e.entityId())).toList();
        assertThat(trail).extracting(AuditEntry::action).contains(RegistryAction.VIEWED.code(), RegistryAction.NIK_REVEALED.code());
        assertThat(trail.stream().filter(e -> e.action().equals(RegistryAction.NIK_REVEALED.code())).findFirst().orElseThrow().newValue())
                .contains("verifikasi KTP");
    }

    @Test
    void theKkNumberIsRevealedForAReasonAndTheRevealIsAuditedWithoutTheNumber() {
        TestAccounts.loginAs(operatorPbg);
        NewBeneficiary p = RegistryFixture.withKk(fixture.person("33.03", "Wulan Uji Kartu Keluarga", RegistryFixture.birth(), Sex.P));
        String kk = p.kkNumber();
        Registration r = registry.register(p);

        TestAccounts.loginAs(headPbg);
        assertThatThrownBy(() -> registry.revealKk(r.id(), "ya")).isInstanceOf(RuleViolation.class);
        assertThat(registry.revealKk(r.id(), "cocokkan kartu keluarga")).isEqualTo(kk);
        assertThat(registry.revealKk(r.id(), "benarkah " + kk + "?")).isEqualTo(kk);
        TestAccounts.loginAs(headPkl);
        assertThatThrownBy(() -> registry.revealKk(r.id(), "cocokkan kartu keluarga")).isInstanceOf(RuleViolation.class);

        TestAccounts.loginAs(admin);
        List<AuditEntry> reveals = audit.page(new AuditFilter(headPbg.getUsername(), null, null, null, null), 0, 50).stream()
                .filter(e -> String.valueOf(r.id()).equals(e.entityId()) && e.action().equals(RegistryAction.KK_REVEALED.code())).toList();
        assertThat(reveals).hasSize(2);
        assertThat(reveals).anySatisfy(e -> assertThat(e.newValue()).contains("cocokkan kartu keluarga"))
                .anySatisfy(e -> assertThat(e.newValue()).contains("benarkah 3303 •••• •••• ••••?"))
                .allSatisfy(e -> assertThat(e.newValue()).doesNotContain(kk).doesNotContain(kk.substring(4)));
    }

    @Test
    void anExportOfANikSearchIsAuditedWithTheNikMasked() {
        TestAccounts.loginAs(operatorPbg);
        NewBeneficiary p = fixture.person("33.03", "Sari Dicari Nomornya", RegistryFixture.birth(), Sex.P);
        registry.register(p);
        BeneficiaryFilter byNik = new BeneficiaryFilter(p.nik(), null, null, null, null, null, null, null, null, null, false);
        registry.export(BeneficiaryFilter.none().withName(p.nik()), new XlsxSheet("Penerima Manfaat", List.of("NIK", "Nama")), new ByteArrayOutputStream());
        assertThat(registry.export(byNik, new XlsxSheet("Penerima Manfaat", List.of("NIK", "Nama")), new ByteArrayOutputStream())).isEqualTo(1);

        TestAccounts.loginAs(admin);
        List<AuditEntry> exported = audit.page(new AuditFilter(operatorPbg.getUsername(), RegistryAction.EXPORTED.code(), null, null, null),
                0, 2);
        assertThat(exported.getFirst().newValue()).contains("nik=3303 •••• •••• ••••").doesNotContain(p.nik());
        assertThat(exported.get(1).newValue()).as("a NIK typed as a name").contains("name=3303 •••• •••• ••••").doesNotContain(p.nik());
    }

    @Test
    void aReturnedRecordIsCorrectedByTheOperatorAndTheChangeIsAuditedWithOldAndNewValues() {
        Registration r = registerInPurbalingga("Sumi Perlu Perbaikan");
        TestAccounts.loginAs(headPbg);
        registry.returnForRevision(r.id(), "RT/RW belum diisi benar", registry.get(r.id()).orElseThrow().version());

        TestAccounts.loginAs(operatorPbg);
        NewBeneficiary current = registry.forEditing(r.id()).orElseThrow();
        NewBeneficiary fixed = current.withIdentity(current.identity().withFullName("Sumiyati Perlu Perbaikan"))
                .withAddress(current.address().withRtRw("003", "004"));
        int version = registry.get(r.id()).orElseThrow().version();
        registry.update(r.id(), fixed, version);
        assertThatThrownBy(() -> registry.update(r.id(), fixed, version)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(keys(v)).containsExactly("error.concurrentChange"));

        BeneficiaryDetail after = registry.get(r.id()).orElseThrow();
        assertThat(after.fullName()).isEqualTo("Sumiyati Perlu Perbaikan");
        assertThat(after.returnReason()).isNull();
        assertThat(registry.page(BeneficiaryFilter.none().withName("sumiyati"), null, 10)).extracting(BeneficiarySummary::id)
                .containsExactly(r.id());

        TestAccounts.loginAs(admin);
        AuditEntry change = audit.page(new AuditFilter(operatorPbg.getUsername(), RegistryAction.UPDATED.code(), null, null, null), 0, 50)
                .stream().filter(e -> String.valueOf(r.id()).equals(e.entityId())).findFirst().orElseThrow();
        assertThat(change.oldValue()).contains("\"fullName\":\"Sumi Perlu Perbaikan\"", "\"rt\":\"001\"");
        assertThat(change.newValue()).contains("\"fullName\":\"Sumiyati Perlu Perbaikan\"", "\"rt\":\"003\"");
        assertThat(change.newValue()).doesNotContain("birthPlace").doesNotContain(current.nik());
    }

    @Test
    void statusMovesThroughTheProgrammeOnlyAlongAllowedSteps() {
        Registration r = registerInPurbalingga("Tini Jalur Status");
        TestAccounts.loginAs(headPbg);
        registry.verify(r.id(), registry.get(r.id()).orElseThrow().version());
        assertThat(BeneficiaryStatus.VERIFIED.next())
                .containsExactly(BeneficiaryStatus.ACTIVE, BeneficiaryStatus.MOVED, BeneficiaryStatus.DECEASED);
        int v = registry.get(r.id()).orElseThrow().version();
        assertThatThrownBy(() -> registry.changeStatus(r.id(), BeneficiaryStatus.GRADUATED, "lulus pelatihan", v))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(keys(e)).containsExactly("registry.status.notAllowed"));
        registry.changeStatus(r.id(), BeneficiaryStatus.ACTIVE, "ikut pelatihan 2026", v);
        registry.changeStatus(r.id(), BeneficiaryStatus.GRADUATED, "selesai pendampingan", registry.get(r.id()).orElseThrow().version());
        assertThat(registry.get(r.id()).orElseThrow().status()).isEqualTo(BeneficiaryStatus.GRADUATED);
        assertThat(BeneficiaryStatus.GRADUATED.next()).isEmpty();

        TestAccounts.loginAs(operatorPbg);
        assertThatThrownBy(() -> registry.changeStatus(r.id(), BeneficiaryStatus.MOVED, "pindah", 1)).isInstanceOf(AccessDeniedException.class);
        NewBeneficiary values = registry.forEditing(r.id()).orElseThrow();
        assertThatThrownBy(() -> registry.update(r.id(), values, registry.get(r.id()).orElseThrow().version()))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(keys(e)).containsExactly("registry.update.closed"));
    }

    @Test
    void onlyOperatorsRegister() {
        TestAccounts.loginAs(headPbg);
        assertThatThrownBy(() -> registry.register(fixture.person("33.03", "Tidak Boleh", RegistryFixture.birth(), Sex.L)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
