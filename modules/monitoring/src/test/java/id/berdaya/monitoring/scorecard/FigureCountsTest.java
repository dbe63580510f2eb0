package id.berdaya.monitoring.scorecard;

import id.berdaya.core.figures.Figure;
import id.berdaya.core.figures.FigureCounts;
import id.berdaya.core.region.Kecamatan;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsFixture;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.handover.NewHandover;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.monitoring.MonitoringFixture;
import id.berdaya.monitoring.MonitoringTestApplication;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitService;
import id.berdaya.registry.RegistryFixture;
import id.berdaya.registry.Sex;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.registration.NewBeneficiary;
import id.berdaya.registry.imports.ImportBatch;
import id.berdaya.registry.imports.ImportCsv;
import id.berdaya.registry.imports.ImportPreview;
import id.berdaya.registry.imports.ImportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecards' and the visit chart's counts, kept by triggers in the changing transaction (V045, V047), agree with a
 * GROUP BY over the source tables after a series of ordinary operations of every module.
 */
@SpringBootTest(classes = MonitoringTestApplication.class)
class FigureCountsTest {

    static final String PBG = "33.03";
    static final Path DIR = Path.of("target", "figure-import-files");

    @Autowired FigureCounts counts;
    @Autowired GrantsFixture grants;
    @Autowired RegistryFixture people;
    @Autowired TestAccounts accounts;
    @Autowired BeneficiaryService registry;
    @Autowired ProposalService proposals;
    @Autowired HandoverService handovers;
    @Autowired ImportService importer;
    @Autowired RegionService regions;
    @Autowired VisitService visits;
    @Autowired MonitoringFixture monitoring;

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    @Test
    void countsAgreeWithTheGroupByAfterRegistrationVerificationImportTrainingAndProposals() throws Exception {
        BerdayaUser operator = accounts.ensure("uji.angka.op.pbg", Role.DISTRICT_OPERATOR, PBG);
        BerdayaUser head = accounts.ensure("uji.angka.head.pbg", Role.DISTRICT_HEAD, PBG);
        BerdayaUser officer = accounts.ensure("uji.angka.verif", Role.PROVINCE_OFFICER, null);
        Map<Figure, Long> before = district();

        // training: three registered, verified, enrolled and completed (the fixture closes the event)
        GrantsFixture.Catalogue c = grants.year(PBG, 100_000_000);
        List<Long> trained = grants.trainedPeople(PBG, 3);

        // the register: two more, one verified, one corrected into another kecamatan, one merged
        TestAccounts.loginAs(operator);
        long a = registry.register(people.person(PBG, "Angka Satu Uji", RegistryFixture.birth(), Sex.L)).id();
        long b = registry.register(people.person(PBG, "Angka Dua Uji", RegistryFixture.birth(), Sex.P)).id();
        long m = registry.register(people.person(PBG, "Angka Gabung Uji", RegistryFixture.birth(), Sex.P)).id();
        NewBeneficiary moved = registry.forEditing(b).orElseThrow();
        Kecamatan other = regions.kecamatan(PBG).get(1);
        moved = moved.withAddress(new NewBeneficiary.Address(PBG, other.code(), regions.desa(other.code()).getFirst().code(),
                "003", "004", "Jl. Pindah Uji"));
        registry.update(b, moved, registry.get(b).orElseThrow().version());
        TestAccounts.loginAs(head);
        registry.verify(a, registry.get(a).orElseThrow().version());
        TestAccounts.loginAs(officer);
        registry.markMerged(m, a);

        // an import of two rows
        TestAccounts.loginAs(operator);
        Path file = new ImportCsv().row(people.person(PBG, "Angka Impor Satu", RegistryFixture.birth(), Sex.L))
                .row(people.person(PBG, "Angka Impor Dua", RegistryFixture.birth(), Sex.P)).write(DIR, "angka.csv", false);
        ImportPreview p = importer.preview("angka.csv", file);
        ImportBatch done = ImportCsv.await(importer, importer.commit(p.batch().id(), p.batch().version()).id());
        assertThat(done.counts().inserted()).isEqualTo(2);

        // proposals: one handed over, one returned and submitted again, one withdrawn
        List<ItemLine> goat = List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.feed().id(), 4));
        TestAccounts.loginAs(operator);
        Proposal handed = submitted(trained.get(0), c, goat);
        Proposal returned = submitted(trained.get(1), c, goat);
        Proposal withdrawn = submitted(trained.get(2), c, goat);
        TestAccounts.loginAs(head);
        handed = proposals.approve(handed.id(), handed.version());
        returned = proposals.returnForRevision(returned.id(), "Rencana usaha belum lengkap", returned.version());
        TestAccounts.loginAs(operator);
        returned = proposals.submit(returned.id(), returned.version());
        withdrawn = proposals.withdraw(withdrawn.id(), "Penerima pindah domisili", withdrawn.version());
        TestAccounts.loginAs(officer);
        handed = proposals.approve(handed.id(), handed.version());
        TestAccounts.loginAs(operator);
        handovers.record(new NewHandover(handed.id(), handed.version(), LocalDate.of(c.year(), 3, 14), "Balai Desa Uji",
                "Budi Penyerah Uji", "Kepala Seksi", "Dinas Sosial Kabupaten Purbalingga", "Siti Saksi Uji", "Kepala Desa Uji",
                List.of(new NewHandover.Line(c.goat().id(), 1, null), new NewHandover.Line(c.feed().id(), 4, null)), null,
                id.berdaya.grants.GrantsFixture.photos(1), false));

        TestAccounts.logout();

        assertThat(counts.differences()).as("counts that differ from the GROUP BY").isEmpty();
        Map<Figure, Long> after = district();
        assertThat(delta(before, after, Figure.REGISTERED)).isEqualTo(3 + 3 - 1 + 2);
        assertThat(delta(before, after, Figure.VERIFIED)).isEqualTo(3 + 1);
        assertThat(delta(before, after, Figure.TRAINING_ENROLLED)).isEqualTo(3);
        assertThat(delta(before, after, Figure.TRAINING_COMPLETED)).isEqualTo(3);
        assertThat(delta(before, after, Figure.PROPOSALS_SUBMITTED)).isEqualTo(3);
        assertThat(delta(before, after, Figure.PROPOSALS_APPROVED)).isEqualTo(1);
        assertThat(delta(before, after, Figure.PROPOSALS_HANDED_OVER)).isEqualTo(1);
        assertThat(delta(before, after, Figure.APPROVED_RUPIAH)).isEqualTo(3_500_000);
        assertThat(delta(before, after, Figure.VISITS_BY_DUE_MONTH)).as("the handover's four visits").isEqualTo(4);
        assertThat(delta(before, after, Figure.VISITS_BY_DUE_MONTH_DONE)).isZero();
        assertThat(counts.byKecamatan(EnumSet.of(Figure.REGISTERED), PBG)).containsKey(other.code());

        // monitoring (V047): a handover of 40 days ago; its 12-month visit moved a month on, its first one done
        long person = monitoring.handedOver(PBG, 1, LocalDate.now().minusDays(40)).getFirst().beneficiaryId();
        Map<Figure, Long> handedOver = district();
        TestAccounts.loginAs(head);
        List<Visit> four = visits.ofBeneficiaries(List.of(person));
        assertThat(four).hasSize(4);
        Visit last = four.stream().filter(v -> v.monthOffset() == 12).findFirst().orElseThrow();
        visits.reschedule(last.id(), last.dueOn().plusDays(35), "Penerima sedang merantau, uji", last.version());
        Visit first = four.stream().filter(v -> v.monthOffset() == 1).findFirst().orElseThrow();
        visits.record(first.id(), MonitoringFixture.met(first, visits.today(), Visit.Business.RUNNING, List.of()));
        TestAccounts.logout();
        assertThat(counts.differences()).as("counts that differ from the GROUP BY").isEmpty();
        Map<Figure, Long> visited = district();
        assertThat(delta(before, handedOver, Figure.VISITS_BY_DUE_MONTH)).isEqualTo(8);
        assertThat(delta(handedOver, visited, Figure.VISITS_BY_DUE_MONTH)).as("moved, not added").isZero();
        assertThat(delta(handedOver, visited, Figure.VISITS_BY_DUE_MONTH_DONE)).isEqualTo(1);
        assertThat(delta(handedOver, visited, Figure.VISITS_DONE)).as("counted in the month of the visit (V048)").isEqualTo(1);
        assertThat(counts.inMonths(EnumSet.of(Figure.VISITS_DONE), PBG, LocalDate.now(id.berdaya.core.format.IndonesianFormat.WIB), LocalDate.now(id.berdaya.core.format.IndonesianFormat.WIB)).values().stream()
                .mapToLong(row -> row.getOrDefault(Figure.VISITS_DONE, 0L)).sum()).as("this month's visits in Purbalingga").isPositive();
    }

    @Test
    void theRebuildCountsTheSameAsTheTriggers() {
        Map<String, Map<Figure, Long>> kept = counts.byKabkota(EnumSet.allOf(Figure.class));
        counts.rebuild();
        assertThat(counts.byKabkota(EnumSet.allOf(Figure.class))).isEqualTo(kept);
        assertThat(counts.differences()).isEmpty();
    }

    private Proposal submitted(long person, GrantsFixture.Catalogue c, List<ItemLine> items) {
        Proposal p = proposals.create(GrantsFixture.proposal(person, c.year(), items));
        return proposals.submit(p.id(), p.version());
    }

    private Map<Figure, Long> district() {
        return counts.byKabkota(EnumSet.allOf(Figure.class)).getOrDefault(PBG, Map.of());
    }

    private static long delta(Map<Figure, Long> before, Map<Figure, Long> after, Figure f) {
        return after.getOrDefault(f, 0L) - before.getOrDefault(f, 0L);
    }
}
