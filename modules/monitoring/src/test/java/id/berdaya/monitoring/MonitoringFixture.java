package id.berdaya.monitoring;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.GrantsFixture;
import id.berdaya.grants.handover.Handover;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.handover.NewHandover;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.monitoring.ledger.AssetReport;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitReport;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Synthetic data for the monitoring tests: people of a district handed one goat (ekor, livestock)
 * and four sacks of feed (goods) on a given day, each handover recorded by the district operator
 * through grants, which schedules the visits. Each call takes a budget year of its own.
 */
@Component
public class MonitoringFixture {

    private final GrantsFixture grants;
    private final ProposalService proposals;
    private final HandoverService handovers;
    private final BeneficiaryService register;
    private final TestAccounts accounts;

    MonitoringFixture(GrantsFixture grants, ProposalService proposals, HandoverService handovers, BeneficiaryService register,
                      TestAccounts accounts) {
        this.grants = grants;
        this.proposals = proposals;
        this.handovers = handovers;
        this.register = register;
        this.accounts = accounts;
    }

    /** A handover and what the tests need of it. */
    public record HandedOver(long handoverId, long proposalId, long beneficiaryId, String kecamatanCode, int budgetYear) {
    }

    /** A fresh budget year of the district with its catalogue (for offsets set per year). */
    public GrantsFixture.Catalogue year(String kabkota) {
        return grants.year(kabkota, 500_000_000);
    }

    /** {@code n} people handed over on {@code handedOn} in a fresh budget year. Logs out afterwards. */
    public List<HandedOver> handedOver(String kabkota, int n, LocalDate handedOn) {
        return handedOver(year(kabkota), kabkota, n, handedOn);
    }

    /** {@code n} people handed over on {@code handedOn} in the catalogue's year. Logs out afterwards. */
    public List<HandedOver> handedOver(GrantsFixture.Catalogue c, String kabkota, int n, LocalDate handedOn) {
        List<Long> people = grants.trainedPeople(kabkota, n);
        BerdayaUser operator = accounts.ensure("uji.mon.op." + kabkota, Role.DISTRICT_OPERATOR, kabkota);
        BerdayaUser head = head(kabkota);
        BerdayaUser officer = accounts.ensure("uji.mon.verif", Role.PROVINCE_OFFICER, null);
        List<HandedOver> out = new ArrayList<>();
        for (long person : people) {
            TestAccounts.loginAs(operator);
            Proposal p = proposals.create(GrantsFixture.proposal(person, c.year(),
                    List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.feed().id(), 4))));
            p = proposals.submit(p.id(), p.version());
            TestAccounts.loginAs(head);
            p = proposals.approve(p.id(), p.version());
            TestAccounts.loginAs(officer);
            p = proposals.approve(p.id(), p.version());
            TestAccounts.loginAs(operator);
            Handover h = handovers.record(new NewHandover(p.id(), p.version(), handedOn, "Balai Desa Uji", "Budi Penyerah Uji",
                    "Kepala Seksi Rehabilitasi Sosial", "Dinas Sosial (uji)", "Siti Saksi Uji", "Kepala Desa Uji",
                    List.of(new NewHandover.Line(c.goat().id(), 1, null), new NewHandover.Line(c.feed().id(), 4, null)), null,
                    GrantsFixture.photos(1), false));
            String kecamatan = register.place(person).orElseThrow().kecamatanCode();
            out.add(new HandedOver(h.id(), p.id(), person, kecamatan, c.year()));
        }
        TestAccounts.logout();
        return out;
    }

    /** Hands a proposal over again (after its record was voided), on {@code handedOn}, by the district operator. Logs out. */
    public long handOverAgain(GrantsFixture.Catalogue c, String kabkota, long proposalId, LocalDate handedOn) {
        TestAccounts.loginAs(operator(kabkota));
        Proposal p = proposals.get(proposalId).orElseThrow();
        Handover h = handovers.record(new NewHandover(p.id(), p.version(), handedOn, "Balai Desa Uji", "Budi Penyerah Uji",
                "Kepala Seksi Rehabilitasi Sosial", "Dinas Sosial (uji)", "Siti Saksi Uji", "Kepala Desa Uji",
                List.of(new NewHandover.Line(c.goat().id(), 1, null), new NewHandover.Line(c.feed().id(), 4, null)), null,
                GrantsFixture.photos(1), false));
        TestAccounts.logout();
        return h.id();
    }

    public BerdayaUser head(String kabkota) {
        return accounts.ensure("uji.mon.head." + kabkota, Role.DISTRICT_HEAD, kabkota);
    }

    public BerdayaUser fieldOfficer(String kabkota, String name) {
        return accounts.ensure("uji.mon.lap." + name + "." + kabkota, Role.FIELD_OFFICER, kabkota);
    }

    public BerdayaUser operator(String kabkota) {
        return accounts.ensure("uji.mon.op." + kabkota, Role.DISTRICT_OPERATOR, kabkota);
    }

    public BerdayaUser provinceOfficer() {
        return accounts.ensure("uji.mon.verif", Role.PROVINCE_OFFICER, null);
    }

    public BerdayaUser admin() {
        return accounts.ensure("uji.mon.admin", Role.PROVINCE_ADMIN, null);
    }

    /** A visit report: the person met, the business as given, nothing else happened (assets untouched). */
    public static VisitReport met(Visit v, LocalDate on, Visit.Business business, List<AssetReport> assets) {
        return new VisitReport(on, true, null, business, business == Visit.Business.RUNNING ? null : "Modal habis untuk berobat (uji)",
                1_500_000L, 400_000L, Visit.Acceptance.GOOD, Visit.Acceptance.GOOD, Visit.Acceptance.FAIR, Set.of(), null,
                "Catatan kunjungan uji", null, null, assets, List.of(), v.version());
    }
}
