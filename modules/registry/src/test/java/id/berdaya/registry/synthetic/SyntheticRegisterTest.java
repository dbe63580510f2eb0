package id.berdaya.registry.synthetic;

import id.berdaya.registry.RegistryTestApplication;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryFilter;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiarySummary;
import id.berdaya.registry.beneficiary.ListOrder;
import id.berdaya.registry.duplicate.DuplicateService;
import id.berdaya.registry.nik.NameKey;
import id.berdaya.registry.nik.NikCheck;
import id.berdaya.registry.nik.NikValidator;

import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.db.tables.records.RegistryBeneficiaryRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static id.berdaya.db.Tables.REGISTRY_BENEFICIARY;
import static id.berdaya.db.Tables.REGISTRY_CATEGORY;
import static id.berdaya.db.Tables.REGISTRY_DUPLICATE;
import static id.berdaya.db.Tables.REGISTRY_NAME_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

@ActiveProfiles(SyntheticRegister.PROFILE)
@SpringBootTest(classes = RegistryTestApplication.class)
class SyntheticRegisterTest {

    /** One generation for the whole class: tests read it, none changes it. */
    private static SyntheticRegister.Result generated;

    @Autowired SyntheticRegister register;
    @Autowired BeneficiaryService registry;
    @Autowired DuplicateService duplicateService;
    @Autowired RegionService regions;
    @Autowired TestAccounts accounts;
    @Autowired DSLContext dsl;
    @Autowired id.berdaya.core.figures.FigureCounts figures;

    BerdayaUser admin;
    BerdayaUser headPbg;
    BerdayaUser headPkl;
    BerdayaUser officer;

    @BeforeEach
    void generateOnce() {
        admin = accounts.ensure("uji.sint.admin", Role.PROVINCE_ADMIN, null);
        headPbg = accounts.ensure("uji.sint.kadinsos.pbg", Role.DISTRICT_HEAD, "33.03");
        headPkl = accounts.ensure("uji.sint.kadinsos.pkl", Role.DISTRICT_HEAD, "33.26");
        officer = accounts.ensure("uji.sint.verif", Role.PROVINCE_OFFICER, null);
        synchronized (SyntheticRegisterTest.class) {
            if (generated == null) {
                generated = register.generate(6_000, 42, SyntheticRegister.GENERATOR, 5, 0.01);
            }
        }
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    private List<RegistryBeneficiaryRecord> rows() {
        return dsl.selectFrom(REGISTRY_BENEFICIARY)
                .where(REGISTRY_BENEFICIARY.ID.between(generated.firstId(), generated.lastId())).fetch();
    }

    @Test
    void theScorecardsCountsAgreeWithTheRegisterAfterTheBulkLoad() {
        assertThat(figures.differences()).as("the generator defers the triggers and rebuilds the counts").isEmpty();
        assertThat(figures.byKabkota(java.util.Set.of(id.berdaya.core.figures.Figure.REGISTERED)).values().stream()
                .mapToLong(m -> m.getOrDefault(id.berdaya.core.figures.Figure.REGISTERED, 0L)).sum())
                .isGreaterThanOrEqualTo(generated.people());
    }

    @Test
    void everyNikIsValidAndMatchesTheEnteredRegionBirthDateAndSexUnlessFlagged() {
        assertThat(generated.people()).isEqualTo(6_000);
        TestAccounts.loginAs(admin);
        NikValidator validator = new NikValidator(regions.codes());
        List<RegistryBeneficiaryRecord> rows = rows();
        assertThat(rows).hasSize(6_000);
        int flagged = 0;
        for (RegistryBeneficiaryRecord r : rows) {
            NikCheck check = validator.check(r.getNik(), r.getBirthDate(), Sex.valueOf(r.getSex().getLiteral()), r.getKabkotaCode());
            assertThat(check.errors()).as(r.getNik()).isEmpty();
            String flags = check.flags().isEmpty() ? null : String.join(",", check.flags());
            assertThat(r.getReviewFlags()).as("flags of %s", r.getNik()).isEqualTo(flags);
            assertThat(r.getNik()).startsWith(r.getKecamatanCode().replace(".", ""));
            assertThat(Integer.parseInt(r.getNik().substring(12))).isGreaterThan(SyntheticNik.FIRST_SYNTHETIC_SERIAL);
            assertThat(r.getDesaCode()).startsWith(r.getKecamatanCode() + ".");
            assertThat(r.getKecamatanCode()).startsWith(r.getKabkotaCode() + ".");
            if (r.getReviewFlags() != null) {
                flagged++;
            }
        }
        assertThat(flagged).as("about 1%% flagged").isBetween(20, 120);
    }

    @Test
    void niksStayUniqueWhenTheSameSeedRunsAgain() {
        SyntheticRegister.Result again = register.generate(2_000, 42, SyntheticRegister.GENERATOR, 5, 0.01);
        List<String> niks = dsl.select(REGISTRY_BENEFICIARY.NIK).from(REGISTRY_BENEFICIARY)
                .where(REGISTRY_BENEFICIARY.ID.between(generated.firstId(), again.lastId())).fetch(REGISTRY_BENEFICIARY.NIK);
        assertThat(new HashSet<>(niks)).hasSize(niks.size());
        assertThat(again.people()).isEqualTo(2_000);
        assertThat(dsl.fetchCount(REGISTRY_BENEFICIARY, REGISTRY_BENEFICIARY.ID.between(again.firstId(), again.lastId())))
                .as("every generated row stored").isEqualTo(2_000);
    }

    @Test
    void everyDistrictGetsPeopleRoughlyByPopulation() {
        Map<String, Long> perDistrict = rows().stream().collect(Collectors.groupingBy(RegistryBeneficiaryRecord::getKabkotaCode,
                Collectors.counting()));
        assertThat(perDistrict).hasSize(35);
        SyntheticPeople.Regions reg = SyntheticPeople.Regions.fromReferenceData();
        for (String kabkota : reg.kabkota()) {
            double expected = 6_000 * reg.share(kabkota);
            assertThat((double) perDistrict.get(kabkota)).as(kabkota).isBetween(expected * 0.6 - 8, expected * 1.4 + 8);
        }
        // Cilacap (1.9 million people) gets many more than Kota Magelang (0.12 million)
        assertThat(perDistrict.get("33.01")).isGreaterThan(perDistrict.get("33.71") * 5);
    }

    @Test
    void theCategoryMixFavoursFormerPrisonersAndFormerSexWorkers() {
        Map<Integer, Integer> numberById = dsl.select(REGISTRY_CATEGORY.ID, REGISTRY_CATEGORY.NUMBER).from(REGISTRY_CATEGORY)
                .fetchMap(REGISTRY_CATEGORY.ID, REGISTRY_CATEGORY.NUMBER);
        Map<Integer, Long> perCategory = rows().stream().collect(Collectors.groupingBy(r -> numberById.get(r.getCategoryId()),
                Collectors.counting()));
        List<Integer> top = perCategory.entrySet().stream().sorted(Map.Entry.<Integer, Long>comparingByValue().reversed())
                .limit(2).map(Map.Entry::getKey).toList();
        assertThat(top).containsExactlyInAnyOrder(15, 10);
        assertThat(perCategory.size()).isGreaterThanOrEqualTo(20);
        Map<String, Long> statuses = rows().stream().collect(Collectors.groupingBy(r -> r.getStatus().getLiteral(), Collectors.counting()));
        assertThat(statuses).containsKeys("REGISTERED", "VERIFIED", "ACTIVE", "GRADUATED").doesNotContainKey("MERGED");
    }

    @Test
    void someHouseholdsShareAKkNumber() {
        Map<String, Long> perKk = rows().stream().filter(r -> r.getKkNumber() != null)
                .collect(Collectors.groupingBy(RegistryBeneficiaryRecord::getKkNumber, Collectors.counting()));
        long shared = perKk.values().stream().filter(n -> n > 1).count();
        assertThat(shared).isBetween(300L, 1_500L);
        assertThat(perKk.keySet()).allMatch(kk -> kk.matches("33[0-9]{14}"))
                .allMatch(kk -> Integer.parseInt(kk.substring(12)) > SyntheticNik.FIRST_SYNTHETIC_SERIAL);
        // never a real subscriber's number
        assertThat(rows()).extracting(RegistryBeneficiaryRecord::getPhone).filteredOn(java.util.Objects::nonNull)
                .isNotEmpty().allMatch(phone -> phone.matches("0800-0000-[0-9]{4}"));
    }

    @Test
    void generatedPeopleAreFoundByNameOnlyWithinTheirDistrict() {
        RegistryBeneficiaryRecord someone = rows().stream().filter(r -> r.getKabkotaCode().equals("33.03")
                && r.getFullName().contains(" ") && r.getStatus().getLiteral().equals("VERIFIED")).findFirst().orElseThrow();
        String[] words = someone.getFullName().split(" ");
        String query = words[0].substring(0, 3) + " " + words[1];
        assertThat(dsl.fetchCount(REGISTRY_NAME_TOKEN, REGISTRY_NAME_TOKEN.BENEFICIARY_ID.eq(someone.getId())))
                .isEqualTo(NameKey.tokens(someone.getFullName()).size());

        TestAccounts.loginAs(headPbg);
        List<Long> found = registry.page(BeneficiaryFilter.none().withName(query), ListOrder.NAME_ASC, null, 500).stream()
                .map(BeneficiarySummary::id).toList();
        assertThat(found).contains(someone.getId());
        assertThat(registry.countUpTo(BeneficiaryFilter.none().withName(query), 10_000)).isGreaterThanOrEqualTo(1);

        TestAccounts.loginAs(headPkl);
        assertThat(registry.page(BeneficiaryFilter.none().withName(query), ListOrder.NAME_ASC, null, 500))
                .extracting(BeneficiarySummary::id).doesNotContain(someone.getId());
    }

    @Test
    void secondRecordsOfTheSamePersonWaitInTheDuplicateQueue() {
        var pairs = dsl.selectFrom(REGISTRY_DUPLICATE)
                .where(REGISTRY_DUPLICATE.BENEFICIARY_ID.between(generated.firstId(), generated.lastId())).fetch();
        assertThat(pairs).hasSize(generated.duplicatePairs()).hasSizeGreaterThan(10);
        Set<Long> checked = new HashSet<>();
        for (var pair : pairs) {
            RegistryBeneficiaryRecord a = dsl.fetchOne(REGISTRY_BENEFICIARY, REGISTRY_BENEFICIARY.ID.eq(pair.getBeneficiaryId()));
            RegistryBeneficiaryRecord b = dsl.fetchOne(REGISTRY_BENEFICIARY, REGISTRY_BENEFICIARY.ID.eq(pair.getOtherId()));
            assertThat(a.getNameKey()).isEqualTo(b.getNameKey());
            assertThat(a.getBirthDate()).isEqualTo(b.getBirthDate());
            assertThat(a.getNik()).isNotEqualTo(b.getNik());
            assertThat(pair.getKabkotaCode()).isEqualTo(a.getKabkotaCode());
            checked.add(a.getId());
        }
        TestAccounts.loginAs(officer);
        assertThat(duplicateService.countOpen()).isGreaterThanOrEqualTo(checked.size());
    }

    @Test
    void theDemoProfileSeedsTwoThousandOnceNotAtEveryStart() {
        DemoBeneficiaries demo = new DemoBeneficiaries(register);
        int before = register.total();
        demo.run(null);
        int afterFirst = register.total();
        demo.run(null);
        demo.run(null);
        assertThat(afterFirst - before).isEqualTo(DemoBeneficiaries.PEOPLE);
        assertThat(register.total()).isEqualTo(afterFirst);
        assertThat(dsl.fetchCount(REGISTRY_BENEFICIARY, REGISTRY_BENEFICIARY.CREATED_BY.eq(SyntheticRegister.DEMO)))
                .isEqualTo(DemoBeneficiaries.PEOPLE);
        assertThat(dsl.fetchCount(REGISTRY_BENEFICIARY, REGISTRY_BENEFICIARY.CREATED_BY.eq(SyntheticRegister.DEMO)
                .and(REGISTRY_BENEFICIARY.REVIEW_FLAGS.isNotNull()))).isGreaterThan(5);
    }
}
