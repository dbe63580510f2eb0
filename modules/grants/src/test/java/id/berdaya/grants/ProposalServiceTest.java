package id.berdaya.grants;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.audit.AuditEntry;
import id.berdaya.core.audit.AuditService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.budget.BudgetService;
import id.berdaya.grants.catalogue.CatalogueItem;
import id.berdaya.grants.catalogue.CatalogueService;
import id.berdaya.grants.catalogue.NewCatalogueItem;
import id.berdaya.grants.eligibility.EligibilityService;
import id.berdaya.grants.eligibility.Exemption;
import id.berdaya.grants.proposal.HistoryEntry;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalAction;
import id.berdaya.grants.proposal.ProposalItem;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.grants.proposal.ProposalState;
import id.berdaya.training.TrainingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = GrantsTestApplication.class)
class ProposalServiceTest {

    static final String PBG = "33.03";
    static final String PKL = "33.26";

    @Autowired ProposalService proposals;
    @Autowired CatalogueService catalogue;
    @Autowired BudgetService budget;
    @Autowired EligibilityService eligibility;
    @Autowired AuditService audit;
    @Autowired GrantsFixture fixture;
    @Autowired TrainingFixture training;
    @Autowired TestAccounts accounts;

    BerdayaUser operator;
    BerdayaUser head;
    BerdayaUser operatorPkl;
    BerdayaUser headPkl;
    BerdayaUser officer;
    BerdayaUser admin;

    @BeforeEach
    void users() {
        operator = accounts.ensure("uji.hibah.op.pbg", Role.DISTRICT_OPERATOR, PBG);
        head = accounts.ensure("uji.hibah.head.pbg", Role.DISTRICT_HEAD, PBG);
        operatorPkl = accounts.ensure("uji.hibah.op.pkl", Role.DISTRICT_OPERATOR, PKL);
        headPkl = accounts.ensure("uji.hibah.head.pkl", Role.DISTRICT_HEAD, PKL);
        officer = accounts.ensure("uji.hibah.verif", Role.PROVINCE_OFFICER, null);
        admin = fixture.admin();
    }

    @AfterEach
    void logout() {
        TestAccounts.logout();
    }

    static RuleViolation violation(Runnable r) {
        try {
            r.run();
        } catch (RuleViolation v) {
            return v;
        }
        throw new AssertionError("expected a RuleViolation");
    }

    static List<String> keysOf(Runnable r) {
        return violation(r).problems().stream().map(RuleViolation.Problem::key).toList();
    }

    /** A submitted proposal of a trained person of Purbalingga: a goat and a pen (Rp 4.000.000). */
    private Proposal submitted(GrantsFixture.Catalogue c) {
        long person = fixture.trainedPeople(PBG, 1).getFirst();
        TestAccounts.loginAs(operator);
        Proposal p = proposals.create(GrantsFixture.proposal(person, c.year(),
                List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.pen().id(), 1))));
        return proposals.submit(p.id(), p.version());
    }

    private static BerdayaUser as(BerdayaUser u, Role role, String kabkota) {
        return new BerdayaUser(u.id(), u.getUsername(), u.fullName(), role, kabkota, true, false, null);
    }

    @Test
    void aProposalGoesFromDraftToProvinceApprovalWithWhoWhenAndWhyOfEachStep() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        long person = fixture.trainedPeople(PBG, 1).getFirst();
        TestAccounts.loginAs(operator);
        Proposal draft = proposals.create(GrantsFixture.proposal(person, c.year(),
                List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.feed().id(), 4))));
        assertThat(draft.state()).isEqualTo(ProposalState.DRAFT);
        assertThat(draft.total()).isEqualTo(3_500_000);
        assertThat(proposals.items(draft.id())).extracting(ProposalItem::subtotal).containsExactly(2_500_000L, 1_000_000L);
        assertThat(proposals.allowedActions(draft)).containsExactlyInAnyOrder(ProposalAction.EDIT, ProposalAction.SUBMIT,
                ProposalAction.WITHDRAW);
        Proposal sub = proposals.submit(draft.id(), draft.version());
        assertThat(sub.state()).isEqualTo(ProposalState.SUBMITTED);
        assertThat(sub.submittedBy()).isEqualTo(operator.getUsername());
        assertThat(sub.waitingSince()).isNotNull();
        assertThat(proposals.allowedActions(sub)).containsExactly(ProposalAction.WITHDRAW);

        TestAccounts.loginAs(head);
        assertThat(proposals.allowedActions(sub)).containsExactlyInAnyOrder(ProposalAction.APPROVE, ProposalAction.RETURN,
                ProposalAction.REJECT);
        Proposal district = proposals.approve(sub.id(), sub.version());
        assertThat(district.state()).isEqualTo(ProposalState.DISTRICT_APPROVED);
        assertThat(district.districtDecidedBy()).isEqualTo(head.getUsername());
        assertThat(proposals.allowedActions(district)).isEmpty();

        TestAccounts.loginAs(officer);
        Proposal province = proposals.approve(district.id(), district.version());
        assertThat(province.state()).isEqualTo(ProposalState.PROVINCE_APPROVED);
        assertThat(province.provinceDecidedBy()).isEqualTo(officer.getUsername());
        assertThat(province.waitingSince()).isNull();

        assertThat(proposals.history(province.id())).extracting(HistoryEntry::to).containsExactly(ProposalState.DRAFT,
                ProposalState.SUBMITTED, ProposalState.DISTRICT_APPROVED, ProposalState.PROVINCE_APPROVED);
        assertThat(proposals.history(province.id())).extracting(HistoryEntry::actor).containsExactly(operator.getUsername(),
                operator.getUsername(), head.getUsername(), officer.getUsername());
        assertThat(audit.history(GrantsEntity.GRANTS_PROPOSAL.code(), String.valueOf(province.id()), 10))
                .extracting(AuditEntry::action).containsExactly("GRANTS_PROPOSAL_APPROVED_PROVINCE",
                        "GRANTS_PROPOSAL_APPROVED_DISTRICT", "GRANTS_PROPOSAL_SUBMITTED", "GRANTS_PROPOSAL_CREATED");
    }

    @Test
    void everyIllegalTransitionIsRefused() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        long person = fixture.trainedPeople(PBG, 1).getFirst();
        TestAccounts.loginAs(operator);
        Proposal draft = proposals.create(GrantsFixture.proposal(person, c.year(), List.of(new ItemLine(c.goat().id(), 1))));
        TestAccounts.loginAs(head);
        assertThat(keysOf(() -> proposals.approve(draft.id(), draft.version()))).containsExactly("grants.proposal.notAtYourStep");
        assertThat(keysOf(() -> proposals.reject(draft.id(), "Tidak layak uji", draft.version())))
                .containsExactly("grants.proposal.notAtYourStep");
        TestAccounts.loginAs(operator);
        assertThatThrownBy(() -> proposals.approve(draft.id(), draft.version())).isInstanceOf(AccessDeniedException.class);
        assertThat(keysOf(() -> proposals.create(GrantsFixture.proposal(person, c.year(), List.of(new ItemLine(c.goat().id(), 1))))))
                .containsExactly("grants.proposal.exists");

        Proposal sub = proposals.submit(draft.id(), draft.version());
        assertThat(keysOf(() -> proposals.submit(sub.id(), sub.version()))).containsExactly("grants.proposal.notDraft");
        assertThat(keysOf(() -> proposals.update(sub.id(), GrantsFixture.proposal(person, c.year(),
                List.of(new ItemLine(c.goat().id(), 2))), sub.version()))).containsExactly("grants.proposal.notDraft");
        TestAccounts.loginAs(officer); // the province does not decide before the district
        assertThat(keysOf(() -> proposals.approve(sub.id(), sub.version()))).containsExactly("grants.proposal.notAtYourStep");
        TestAccounts.loginAs(head);
        assertThat(keysOf(() -> proposals.returnForRevision(sub.id(), " ", sub.version())))
                .containsExactly("grants.proposal.reasonRequired");
        Proposal district = proposals.approve(sub.id(), sub.version());
        assertThat(keysOf(() -> proposals.approve(district.id(), district.version()))).containsExactly("grants.proposal.notAtYourStep");
        TestAccounts.loginAs(operator);
        assertThat(keysOf(() -> proposals.withdraw(district.id(), "Pindah domisili", district.version())))
                .containsExactly("grants.proposal.withdrawTooLate");

        TestAccounts.loginAs(officer);
        Proposal rejected = proposals.reject(district.id(), "Usaha serupa sudah didanai program lain", district.version());
        assertThat(rejected.state()).isEqualTo(ProposalState.REJECTED);
        assertThat(rejected.lastReason()).isEqualTo("Usaha serupa sudah didanai program lain");
        assertThat(proposals.allowedActions(rejected)).isEmpty();
        assertThat(keysOf(() -> proposals.approve(rejected.id(), rejected.version()))).containsExactly("grants.proposal.notAtYourStep");
        TestAccounts.loginAs(head);
        assertThat(keysOf(() -> proposals.approve(rejected.id(), rejected.version()))).containsExactly("grants.proposal.notAtYourStep");
        TestAccounts.loginAs(operator);
        assertThat(keysOf(() -> proposals.submit(rejected.id(), rejected.version()))).containsExactly("grants.proposal.notDraft");
        assertThat(keysOf(() -> proposals.withdraw(rejected.id(), "Pindah domisili", rejected.version())))
                .containsExactly("grants.proposal.withdrawTooLate");
    }

    @Test
    void aReturnGoesBackToDraftWithItsReasonAndTheOperatorMayWithdrawBeforeTheDistrictDecides() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal sub = submitted(c);
        TestAccounts.loginAs(head);
        Proposal district = proposals.approve(sub.id(), sub.version());
        TestAccounts.loginAs(officer);
        Proposal returned = proposals.returnForRevision(district.id(), "Kandang terlalu mahal, ganti ukuran", district.version());
        assertThat(returned.state()).isEqualTo(ProposalState.DRAFT);
        assertThat(returned.returns()).isEqualTo(1);
        assertThat(returned.districtDecidedBy()).isNull();
        assertThat(proposals.history(returned.id()).getLast().reason()).isEqualTo("Kandang terlalu mahal, ganti ukuran");

        TestAccounts.loginAs(operator);
        Proposal revised = proposals.update(returned.id(), GrantsFixture.proposal(returned.beneficiaryId(), c.year(),
                List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.feed().id(), 2))), returned.version());
        assertThat(revised.total()).isEqualTo(3_000_000);
        Proposal again = proposals.submit(revised.id(), revised.version());
        assertThat(again.state()).isEqualTo(ProposalState.SUBMITTED);
        assertThat(proposals.history(again.id())).extracting(HistoryEntry::to).containsExactly(ProposalState.DRAFT,
                ProposalState.SUBMITTED, ProposalState.DISTRICT_APPROVED, ProposalState.DRAFT, ProposalState.SUBMITTED);
        assertThat(keysOf(() -> proposals.withdraw(again.id(), "", again.version()))).containsExactly("grants.proposal.reasonRequired");
        Proposal withdrawn = proposals.withdraw(again.id(), "Penerima sudah bekerja tetap", again.version());
        assertThat(withdrawn.state()).isEqualTo(ProposalState.WITHDRAWN);
        TestAccounts.loginAs(head);
        assertThat(keysOf(() -> proposals.approve(withdrawn.id(), withdrawn.version()))).containsExactly("grants.proposal.notAtYourStep");
    }

    @Test
    void whoeverSubmittedOrApprovedAtTheDistrictStepCannotApproveAgain() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal sub = submitted(c);
        // the operator who submitted it, later made district head: still not their own proposal
        TestAccounts.loginAs(as(operator, Role.DISTRICT_HEAD, PBG));
        assertThat(proposals.allowedActions(sub)).isEmpty();
        assertThat(keysOf(() -> proposals.approve(sub.id(), sub.version()))).containsExactly("grants.proposal.fourEyes");
        assertThat(keysOf(() -> proposals.reject(sub.id(), "Alasan uji", sub.version()))).containsExactly("grants.proposal.fourEyes");

        TestAccounts.loginAs(head);
        Proposal district = proposals.approve(sub.id(), sub.version());
        // the head who approved at the district step, now acting for the province: refused too
        TestAccounts.loginAs(as(head, Role.PROVINCE_ADMIN, null));
        assertThat(proposals.allowedActions(district)).isEmpty();
        assertThat(keysOf(() -> proposals.approve(district.id(), district.version()))).containsExactly("grants.proposal.fourEyes");
        // a province administrator who took no part may act as provincial officer
        TestAccounts.loginAs(admin);
        assertThat(proposals.approve(district.id(), district.version()).state()).isEqualTo(ProposalState.PROVINCE_APPROVED);
    }

    @Test
    void anotherDistrictCanNeitherSeeNorDecideNorChangeAProposal() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal sub = submitted(c);
        TestAccounts.loginAs(headPkl);
        assertThat(proposals.get(sub.id())).isEmpty();
        assertThat(proposals.items(sub.id())).isEmpty();
        assertThat(proposals.history(sub.id())).isEmpty();
        assertThat(proposals.list(null)).noneMatch(p -> p.id() == sub.id());
        assertThat(keysOf(() -> proposals.approve(sub.id(), sub.version()))).containsExactly("error.notFound");
        assertThat(keysOf(() -> proposals.reject(sub.id(), "Alasan uji", sub.version()))).containsExactly("error.notFound");
        assertThat(proposals.ofPerson(sub.beneficiaryId())).isEmpty();
        assertThat(budget.ceiling(PBG, c.year())).isEmpty();
        assertThat(budget.ceilings(c.year())).noneMatch(x -> x.kabkotaCode().equals(PBG));
        assertThat(proposals.remainingPagu(PBG, c.year())).isEmpty();
        assertThat(proposals.waiting(null, 500)).noneMatch(p -> p.id() == sub.id());
        TestAccounts.loginAs(operatorPkl);
        assertThat(keysOf(() -> proposals.withdraw(sub.id(), "Alasan uji", sub.version()))).containsExactly("error.notFound");
        // nor draft one for a person of another district
        long pbgPerson = fixture.trainedPeople(PBG, 1).getFirst();
        TestAccounts.loginAs(operatorPkl);
        assertThat(keysOf(() -> proposals.create(GrantsFixture.proposal(pbgPerson, c.year(), List.of(new ItemLine(c.goat().id(), 1))))))
                .containsExactly("error.notFound");
        TestAccounts.loginAs(head);
        assertThat(proposals.get(sub.id())).isPresent();
        assertThat(audit.history("GRANTS_PROPOSAL", String.valueOf(sub.id()), 20)).extracting(AuditEntry::action)
                .contains("SCOPE_DENIED");
    }

    @Test
    void onlyAVerifiedPersonWithACompletedTrainingOrAnExemptionMayPropose() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        long unverified = training.registeredPeople(PBG, 1).getFirst();
        long untrained = training.verifiedPeople(PBG, 1).getFirst();
        TestAccounts.loginAs(operator);
        List<ItemLine> goat = List.of(new ItemLine(c.goat().id(), 1));
        assertThat(keysOf(() -> proposals.create(GrantsFixture.proposal(unverified, c.year(), goat))))
                .containsExactly("grants.eligibility.notVerified");
        assertThat(keysOf(() -> proposals.create(GrantsFixture.proposal(untrained, c.year(), goat))))
                .containsExactly("grants.eligibility.notTrained");
        assertThat(eligibility.of(untrained, c.year()).eligible()).isFalse();

        TestAccounts.loginAs(operator);
        assertThatThrownBy(() -> eligibility.exempt(untrained, c.year(), "Sudah ikut pelatihan BLK tahun lalu"))
                .isInstanceOf(AccessDeniedException.class);
        TestAccounts.loginAs(admin);
        assertThat(keysOf(() -> eligibility.exempt(untrained, c.year(), "singkat"))).containsExactly("grants.exemption.reasonRequired");
        eligibility.exempt(unverified, c.year(), "Sudah ikut pelatihan BLK tahun lalu");
        Exemption ex = eligibility.exempt(untrained, c.year(), "Sudah ikut pelatihan BLK tahun lalu");
        assertThat(keysOf(() -> eligibility.exempt(untrained, c.year(), "Sudah ikut pelatihan BLK tahun lalu")))
                .containsExactly("grants.exemption.exists");
        assertThat(audit.history(GrantsEntity.GRANTS_EXEMPTION.code(), String.valueOf(ex.id()), 5)).extracting(AuditEntry::action)
                .containsExactly("GRANTS_EXEMPTION_GRANTED");

        TestAccounts.loginAs(operator);
        assertThat(eligibility.of(untrained, c.year()).eligible()).isTrue();
        assertThat(proposals.create(GrantsFixture.proposal(untrained, c.year(), goat)).state()).isEqualTo(ProposalState.DRAFT);
        // an exemption covers the training, never the verification
        assertThat(keysOf(() -> proposals.create(GrantsFixture.proposal(unverified, c.year(), goat))))
                .containsExactly("grants.eligibility.notVerified");
    }

    @Test
    void theTotalStaysWithinTheMaximumPerPersonAndThePaguWhoseRemainderTheRefusalStates() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 6_500_000);
        List<Long> people = fixture.trainedPeople(PBG, 3);
        TestAccounts.loginAs(operator);
        Proposal big = proposals.create(GrantsFixture.proposal(people.get(0), c.year(),
                List.of(new ItemLine(c.goat().id(), 2), new ItemLine(c.pen().id(), 1)))); // Rp 6.500.000
        RuleViolation tooBig = violation(() -> proposals.submit(big.id(), big.version()));
        assertThat(tooBig.problems().getFirst().key()).isEqualTo("grants.budget.perPersonExceeded");
        assertThat(tooBig.problems().getFirst().args()).containsExactly("Rp 6.500.000", "Rp 5.000.000");

        Proposal first = proposals.create(GrantsFixture.proposal(people.get(1), c.year(),
                List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.pen().id(), 1)))); // Rp 4.000.000
        Proposal second = proposals.create(GrantsFixture.proposal(people.get(2), c.year(),
                List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.pen().id(), 1))));
        Proposal s1 = proposals.submit(first.id(), first.version());
        Proposal s2 = proposals.submit(second.id(), second.version());
        TestAccounts.loginAs(head);
        proposals.approve(s1.id(), s1.version());
        RuleViolation overPagu = violation(() -> proposals.approve(s2.id(), s2.version()));
        assertThat(overPagu.problems().getFirst().key()).isEqualTo("grants.budget.paguExceeded");
        assertThat(overPagu.problems().getFirst().args()).containsExactly("Rp 4.000.000", "Rp 2.500.000");
        assertThat(proposals.get(s2.id()).orElseThrow().state()).isEqualTo(ProposalState.SUBMITTED);

        // the administrator lowers the per-person maximum: the province step checks it again
        TestAccounts.loginAs(admin);
        budget.setPerPersonMax(c.year(), 3_000_000);
        TestAccounts.loginAs(officer);
        Proposal d1 = proposals.get(s1.id()).orElseThrow();
        assertThat(violation(() -> proposals.approve(d1.id(), d1.version())).problems().getFirst().args())
                .containsExactly("Rp 4.000.000", "Rp 3.000.000");
        // raising the pagu lets the second through; a district without a pagu approves nothing
        TestAccounts.loginAs(admin);
        budget.setPerPersonMax(c.year(), 5_000_000);
        budget.setCeiling(PBG, c.year(), 8_000_000, budget.ceiling(PBG, c.year()).orElseThrow().version());
        TestAccounts.loginAs(head);
        assertThat(proposals.approve(s2.id(), s2.version()).state()).isEqualTo(ProposalState.DISTRICT_APPROVED);
        assertThat(audit.history(GrantsEntity.GRANTS_CEILING.code(), String.valueOf(budget.ceiling(PBG, c.year()).orElseThrow().id()), 5))
                .extracting(AuditEntry::action).containsExactly("GRANTS_CEILING_SET", "GRANTS_CEILING_SET");
    }

    @Test
    void anApprovalWithoutACeilingIsRefused() {
        GrantsFixture.Catalogue c = fixture.year(PKL, 10_000_000); // Purbalingga has no pagu this year
        Proposal sub = submitted(c);
        TestAccounts.loginAs(head);
        RuleViolation v = violation(() -> proposals.approve(sub.id(), sub.version()));
        assertThat(v.problems().getFirst().key()).isEqualTo("grants.budget.noCeiling");
    }

    @Test
    void theDistrictsApprovalFreezesThePricesAndOnlyTheAdministratorKeepsTheCatalogue() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal sub = submitted(c);
        TestAccounts.loginAs(officer);
        assertThatThrownBy(() -> catalogue.update(c.goat().id(), new NewCatalogueItem(c.year(), c.goat().name(), c.goat().group(),
                c.goat().unit(), 1, true), c.goat().version())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> budget.setCeiling(PBG, c.year(), 1, 1)).isInstanceOf(AccessDeniedException.class);

        // a price change before the district's approval counts: it copies the prices of that moment
        TestAccounts.loginAs(admin);
        CatalogueItem goat = catalogue.update(c.goat().id(), new NewCatalogueItem(c.year(), c.goat().name(), c.goat().group(),
                c.goat().unit(), 2_700_000, true), c.goat().version());
        TestAccounts.loginAs(head);
        Proposal district = proposals.approve(sub.id(), sub.version());
        assertThat(district.total()).isEqualTo(4_200_000);
        // a later change does not touch it
        TestAccounts.loginAs(admin);
        catalogue.update(goat.id(), new NewCatalogueItem(c.year(), goat.name(), goat.group(), goat.unit(), 3_100_000, true), goat.version());
        TestAccounts.loginAs(officer);
        Proposal province = proposals.approve(district.id(), district.version());
        assertThat(province.total()).isEqualTo(4_200_000);
        assertThat(proposals.items(province.id())).extracting(ProposalItem::unitPrice).containsExactly(2_700_000L, 1_500_000L);
        assertThat(audit.history(GrantsEntity.GRANTS_CATALOGUE_ITEM.code(), String.valueOf(goat.id()), 5))
                .extracting(AuditEntry::action).containsExactly("GRANTS_CATALOGUE_ITEM_UPDATED", "GRANTS_CATALOGUE_ITEM_UPDATED",
                        "GRANTS_CATALOGUE_ITEM_CREATED");
    }

    @Test
    void allowedActionsSayExactlyWhatTheServiceLetsThrough() {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal sub = submitted(c);
        Proposal other = submitted(c);
        TestAccounts.loginAs(head);
        Proposal district = proposals.approve(other.id(), other.version());
        BerdayaUser field = accounts.ensure("uji.hibah.field.pbg", Role.FIELD_OFFICER, PBG);
        BerdayaUser partner = accounts.ensure("uji.hibah.mitra.pbg", Role.PARTNER, PBG);

        List<String> approvers = new java.util.ArrayList<>();
        for (BerdayaUser u : List.of(operator, head, field, officer, admin, operatorPkl, headPkl)) {
            for (Proposal p : List.of(sub, district)) {
                TestAccounts.loginAs(u);
                boolean allowed = proposals.allowedActions(p).contains(ProposalAction.APPROVE);
                if (allowed) {
                    approvers.add(u.getUsername() + "@" + p.state());
                }
                if (!allowed) { // refused by method security or by the service, and nothing changed
                    assertThatThrownBy(() -> proposals.approve(p.id(), p.version())).as(u.getUsername() + " on " + p.state())
                            .isInstanceOfAny(AccessDeniedException.class, RuleViolation.class);
                    assertThatThrownBy(() -> proposals.reject(p.id(), "Alasan uji penolakan", p.version()))
                            .isInstanceOfAny(AccessDeniedException.class, RuleViolation.class);
                }
                boolean mayWithdraw = proposals.allowedActions(p).contains(ProposalAction.WITHDRAW);
                assertThat(mayWithdraw).as(u.getUsername() + " withdraw " + p.state())
                        .isEqualTo(u == operator && p.state() == ProposalState.SUBMITTED);
            }
        }
        assertThat(approvers).containsExactlyInAnyOrder(head.getUsername() + "@SUBMITTED", officer.getUsername() + "@DISTRICT_APPROVED",
                admin.getUsername() + "@DISTRICT_APPROVED");
        TestAccounts.loginAs(head);
        assertThat(proposals.approve(sub.id(), sub.version()).state()).isEqualTo(ProposalState.DISTRICT_APPROVED);
        TestAccounts.loginAs(officer);
        assertThat(proposals.approve(district.id(), district.version()).state()).isEqualTo(ProposalState.PROVINCE_APPROVED);
        TestAccounts.loginAs(partner);
        assertThatThrownBy(() -> proposals.allowedActions(sub)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> proposals.get(sub.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theExportListsTheProposalsOfTheScopeWithoutNikAndIsAudited() throws Exception {
        GrantsFixture.Catalogue c = fixture.year(PBG, 100_000_000);
        Proposal sub = submitted(c);
        id.berdaya.core.export.XlsxSheet sheet = new id.berdaya.core.export.XlsxSheet("Usulan",
                List.of("Nama", "Kab/Kota", "Tahun", "Jenis Usaha", "Nilai", "Status"));
        id.berdaya.grants.proposal.ProposalFilter ofYear = new id.berdaya.grants.proposal.ProposalFilter(null, c.year(), null, null);
        TestAccounts.loginAs(head);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(proposals.export(ofYear, sheet, java.util.Map.of(), java.util.Map.of(ProposalState.SUBMITTED, "Diajukan"), out))
                .isEqualTo(1);
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(out.toByteArray()));
             java.util.stream.Stream<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().openStream()) {
            List<String> cells = rows.flatMap(r -> r.stream().map(cell -> cell == null ? "" : cell.getText())).toList();
            assertThat(cells).contains("Nama", sub.beneficiaryName(), "33.03", "Diajukan", "4000000")
                    .noneMatch(t -> t.matches(".*\\d{16}.*"));
        }
        TestAccounts.loginAs(admin);
        assertThat(audit.page(new id.berdaya.core.audit.AuditFilter(head.getUsername(), "GRANTS_PROPOSALS_EXPORTED", null, null, null),
                0, 10)).isNotEmpty();
        TestAccounts.loginAs(headPkl);
        assertThat(proposals.export(ofYear, sheet, java.util.Map.of(), java.util.Map.of(), new java.io.ByteArrayOutputStream()))
                .isZero();
    }
}
