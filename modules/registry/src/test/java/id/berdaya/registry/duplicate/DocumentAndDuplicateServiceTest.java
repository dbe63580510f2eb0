package id.berdaya.registry.duplicate;

import id.berdaya.registry.category.CategoryService;
import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.RegistryTestApplication;
import id.berdaya.registry.RegistryAction;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryDetail;
import id.berdaya.registry.beneficiary.BeneficiaryFilter;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import id.berdaya.registry.beneficiary.BeneficiarySummary;
import id.berdaya.registry.category.Category;
import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.document.DocumentInfo;
import id.berdaya.registry.nik.NikComparison;
import id.berdaya.registry.document.DocumentService;
import id.berdaya.registry.document.DocumentType;

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
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = RegistryTestApplication.class)
class DocumentAndDuplicateServiceTest {

    static final byte[] PDF = "%PDF-1.4\n% synthetic test document\n%%EOF\n".getBytes();
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired BeneficiaryService registry;
    @Autowired CategoryService categoryService;
    @Autowired DocumentService documents;
    @Autowired DuplicateService duplicates;
    @Autowired RegistryFixture fixture;
    @Autowired TestAccounts accounts;
    @Autowired AuditService audit;

    BerdayaUser operatorPbg;
    BerdayaUser operatorPkl;
    BerdayaUser officer;
    BerdayaUser admin;

    @BeforeEach
    void users() {
        operatorPbg = accounts.ensure("uji.dok.op.pbg", Role.DISTRICT_OPERATOR, "33.03");
        operatorPkl = accounts.ensure("uji.dok.op.pkl", Role.DISTRICT_OPERATOR, "33.26");
        officer = accounts.ensure("uji.dok.verif", Role.PROVINCE_OFFICER, null);
        admin = accounts.ensure("uji.dok.admin", Role.PROVINCE_ADMIN, null);
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private static List<String> keys(RuleViolation v) {
        return v.problems().stream().map(RuleViolation.Problem::key).toList();
    }

    @Test
    void aDocumentIsStoredWithItsRealTypeAndChecksumAndEveryDownloadIsAudited() throws Exception {
        TestAccounts.loginAs(operatorPbg);
        long id = registry.register(fixture.person("33.03", "Dokumen Uji Satu", RegistryFixture.birth(), Sex.P)).id();
        DocumentInfo info = documents.upload(id, DocumentType.KTP, "../../etc/ktp scan.exe", PDF);
        assertThat(info.contentType()).isEqualTo("application/pdf");
        assertThat(info.fileName()).isEqualTo("ktp scan.pdf");
        assertThat(info.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(PDF))).hasSize(64);
        assertThat(documents.list(id)).extracting(DocumentInfo::id).containsExactly(info.id());
        assertThat(documents.download(info.id()).content()).isEqualTo(PDF);
        assertThat(documents.upload(id, DocumentType.KK, "KK 3303010101269001 hal 1.pdf", PDF).fileName())
                .isEqualTo("KK 3303 ____ ____ ____ hal 1.pdf");

        TestAccounts.loginAs(admin);
        assertThat(audit.page(new AuditFilter(operatorPbg.getUsername(), RegistryAction.DOCUMENT_DOWNLOADED.code(), null, null, null), 0, 10))
                .extracting(AuditEntry::entityId).contains(String.valueOf(id));
    }

    @Test
    void theContentNotTheNameDecidesAndLimitsHold() {
        TestAccounts.loginAs(operatorPbg);
        long id = registry.register(fixture.person("33.03", "Dokumen Uji Dua", RegistryFixture.birth(), Sex.L)).id();
        assertThatThrownBy(() -> documents.upload(id, DocumentType.KTP, "ktp.pdf", "MZ fake pdf".getBytes()))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keys(v)).containsExactly("registry.document.wrongType"));
        assertThatThrownBy(() -> documents.upload(id, DocumentType.PHOTO, "foto.jpg", PDF))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keys(v)).containsExactly("registry.document.wrongType"));
        byte[] big = Arrays.copyOf(PDF, DocumentService.MAX_BYTES + 1);
        assertThatThrownBy(() -> documents.upload(id, DocumentType.KK, "kk.pdf", big))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keys(v)).containsExactly("registry.document.tooLarge"));
        assertThatThrownBy(() -> documents.upload(id, DocumentType.KK, "kk.pdf", new byte[0]))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keys(v)).containsExactly("registry.document.empty"));
        assertThat(documents.upload(id, DocumentType.PHOTO, "foto", PNG).fileName()).isEqualTo("foto.png");
        assertThat(documents.list(id)).hasSize(1);
    }

    @Test
    void anotherDistrictCanNeitherUploadToListNorDownloadADocument() {
        TestAccounts.loginAs(operatorPbg);
        long id = registry.register(fixture.person("33.03", "Dokumen Rahasia", RegistryFixture.birth(), Sex.P)).id();
        long doc = documents.upload(id, DocumentType.CONSENT, "persetujuan.pdf", PDF).id();

        TestAccounts.loginAs(operatorPkl);
        assertThatThrownBy(() -> documents.upload(id, DocumentType.KTP, "x.pdf", PDF)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> documents.list(id)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> documents.download(doc)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(keys(v)).containsExactly("error.notFound"));
    }

    @Test
    void aVerifierMergesAPossibleDuplicateKeepingHistoryAndDocumentsOfBoth() {
        TestAccounts.loginAs(operatorPbg);
        LocalDate birth = RegistryFixture.birth();
        long older = registry.register(fixture.person("33.03", "Yuni Kembar Gabung", birth, Sex.P)).id();
        long newer = registry.register(fixture.person("33.03", "Yuni  Kembar-Gabung", birth, Sex.P)).id();
        documents.upload(newer, DocumentType.KTP, "ktp.pdf", PDF);

        TestAccounts.loginAs(officer);
        DuplicatePair pair = duplicates.openOf(newer).stream().filter(p -> p.newer().id() == newer).findFirst().orElseThrow();
        assertThat(pair.existing().id()).isEqualTo(older);
        assertThatThrownBy(() -> duplicates.merge(pair.id(), 123_456_789L, pair.version())).isInstanceOf(RuleViolation.class);
        duplicates.merge(pair.id(), older, pair.version());

        assertThat(duplicates.openOf(newer)).noneMatch(p -> p.id() == pair.id());
        BeneficiaryDetail merged = registry.get(newer).orElseThrow();
        assertThat(merged.status()).isEqualTo(BeneficiaryStatus.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(older);
        assertThat(documents.list(older)).extracting(DocumentInfo::beneficiaryId).contains(newer);
        assertThat(registry.historyIds(older)).containsExactly(older, newer);
        assertThat(registry.page(BeneficiaryFilter.none().withName("yuni kembar gabung"), null, 10))
                .extracting(BeneficiarySummary::id).containsExactly(older);
        assertThatThrownBy(() -> duplicates.dismiss(pair.id(), pair.version())).isInstanceOf(RuleViolation.class);
    }

    @Test
    void theQueueSaysWhichPartsOfTheTwoNiksDifferAndTheVerifierRevealsBothForOneReason() {
        TestAccounts.loginAs(operatorPbg);
        LocalDate birth = RegistryFixture.birth();
        NewBeneficiary first = fixture.person("33.03", "Sumirah Dua Nomor", birth, Sex.P);
        NewBeneficiary second = fixture.person("33.03", "Sumirah Dua-Nomor", birth, Sex.P);
        long older = registry.register(first).id();
        long newer = registry.register(second).id();

        TestAccounts.loginAs(officer);
        DuplicatePair pair = duplicates.openOf(newer).stream().filter(p -> p.newer().id() == newer).findFirst().orElseThrow();
        assertThat(pair.newer().maskedNik()).isEqualTo(pair.existing().maskedNik());
        assertThat(pair.niks().same()).containsExactly(NikComparison.Part.REGION, NikComparison.Part.BIRTH_DATE);
        assertThat(pair.niks().different()).containsExactly(NikComparison.Part.SERIAL);
        assertThat(pair.niks().toString()).doesNotContain(first.nik().substring(12), second.nik().substring(12));

        assertThatThrownBy(() -> duplicates.revealNiks(pair.id(), "ok")).isInstanceOf(RuleViolation.class);
        DuplicatePair.Revealed revealed = duplicates.revealNiks(pair.id(), "bandingkan KTP keduanya");
        assertThat(revealed.newerNik()).isEqualTo(second.nik());
        assertThat(revealed.existingNik()).isEqualTo(first.nik());

        TestAccounts.loginAs(admin);
        List<AuditEntry> reveals = audit.page(new AuditFilter(officer.getUsername(), RegistryAction.NIK_REVEALED.code(), null, null, null), 0, 50)
                .stream().filter(e -> e.newValue().contains("\"pair\":" + pair.id())).toList();
        assertThat(reveals).extracting(AuditEntry::entityId).containsExactlyInAnyOrder(String.valueOf(newer), String.valueOf(older));
        assertThat(reveals).allSatisfy(e -> assertThat(e.newValue()).contains("bandingkan KTP keduanya")
                .doesNotContain(first.nik(), second.nik()));
        TestAccounts.loginAs(operatorPbg);
        assertThatThrownBy(() -> duplicates.revealNiks(pair.id(), "bandingkan KTP keduanya")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aVerifierDismissesAPairThatIsNotTheSamePerson() {
        TestAccounts.loginAs(operatorPkl);
        LocalDate birth = RegistryFixture.birth();
        registry.register(fixture.person("33.26", "Ahmad Bukan Sama", birth, Sex.L));
        long newer = registry.register(fixture.person("33.26", "Ahmad Bukan Sama", birth, Sex.L)).id();
        TestAccounts.loginAs(officer);
        DuplicatePair pair = duplicates.openOf(newer).stream().filter(p -> p.newer().id() == newer).findFirst().orElseThrow();
        duplicates.dismiss(pair.id(), pair.version());
        assertThat(duplicates.openOf(newer)).noneMatch(p -> p.id() == pair.id());
        assertThat(registry.get(newer).orElseThrow().status()).isEqualTo(BeneficiaryStatus.REGISTERED);
    }

    @Test
    void onlyProvincialVerifiersReviewDuplicatesAndOnlyAdministratorsExtendCategories() {
        TestAccounts.loginAs(operatorPbg);
        assertThatThrownBy(() -> duplicates.open(10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> duplicates.openOf(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> categoryService.add("Kategori Ilegal")).isInstanceOf(AccessDeniedException.class);

        TestAccounts.loginAs(admin);
        Category added = categoryService.add("Eks Pekerja Migran Uji " + System.nanoTime() % 1000);
        assertThat(added.number()).isGreaterThanOrEqualTo(27);
        assertThatThrownBy(() -> categoryService.add(added.name().toUpperCase()))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(keys(v)).containsExactly("registry.category.nameTaken"));
        categoryService.setActive(added.id(), false);
        assertThat(categoryService.list()).filteredOn(c -> c.id() == added.id()).singleElement().extracting(Category::active).isEqualTo(false);

        TestAccounts.loginAs(operatorPbg);
        NewBeneficiary p = fixture.person("33.03", "Kategori Nonaktif", RegistryFixture.birth(), Sex.L);
        NewBeneficiary withInactive = p.withProgramme(p.programme().withCategory(added.id()));
        assertThatThrownBy(() -> registry.register(withInactive)).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(keys(v)).containsExactly("registry.category.required"));
    }
}
