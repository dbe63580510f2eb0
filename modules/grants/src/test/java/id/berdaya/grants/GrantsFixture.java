package id.berdaya.grants;

import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.security.Role;
import id.berdaya.core.user.TestAccounts;
import id.berdaya.grants.budget.BudgetService;
import id.berdaya.grants.catalogue.CatalogueItem;
import id.berdaya.grants.catalogue.CatalogueService;
import id.berdaya.grants.catalogue.ItemGroup;
import id.berdaya.grants.catalogue.NewCatalogueItem;
import id.berdaya.grants.catalogue.Unit;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.NewProposal;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.training.TrainingFixture;
import id.berdaya.training.enrolment.EnrolmentService;
import id.berdaya.training.enrolment.Participant;
import id.berdaya.training.event.TrainingEvent;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Synthetic data for the grants tests: each test takes a budget year of its own (so that its
 * catalogue and ceilings are its own), people who completed a training, and a catalogue.
 */
@Component
public class GrantsFixture {

    private static final AtomicInteger YEAR = new AtomicInteger(2030);

    private final TrainingFixture training;
    private final EnrolmentService events;
    private final CatalogueService catalogue;
    private final BudgetService budget;
    private final TestAccounts accounts;
    private final ProposalService proposals;

    GrantsFixture(TrainingFixture training, EnrolmentService events, CatalogueService catalogue, BudgetService budget,
                  TestAccounts accounts, ProposalService proposals) {
        this.proposals = proposals;
        this.training = training;
        this.events = events;
        this.catalogue = catalogue;
        this.budget = budget;
        this.accounts = accounts;
    }

    /** A year's catalogue: a goat (Rp 2.500.000 per ekor), a pen (Rp 1.500.000 per unit), feed (Rp 250.000 per sak). */
    public record Catalogue(int year, CatalogueItem goat, CatalogueItem pen, CatalogueItem feed) {
    }

    /** A budget year nobody else uses, with its catalogue, and the pagu of {@code kabkota} set. Logs out afterwards. */
    public Catalogue year(String kabkota, long pagu) {
        int year = YEAR.incrementAndGet();
        TestAccounts.loginAs(admin());
        Catalogue c = new Catalogue(year,
                catalogue.create(new NewCatalogueItem(year, "Kambing Peranakan Etawa (uji)", ItemGroup.LIVESTOCK, Unit.EKOR, 2_500_000, true)),
                catalogue.create(new NewCatalogueItem(year, "Kandang Kambing Panggung (uji)", ItemGroup.HOUSING, Unit.UNIT, 1_500_000, true)),
                catalogue.create(new NewCatalogueItem(year, "Pakan Konsentrat (uji)", ItemGroup.FEED, Unit.SAK, 250_000, true)));
        budget.setCeiling(kabkota, year, pagu, null);
        TestAccounts.logout();
        return c;
    }

    /** {@code n} people of the district who completed a training (verified, enrolled, event closed). Logs out afterwards. */
    public List<Long> trainedPeople(String kabkota, int n) {
        TrainingEvent e = training.closedEventWithCertificates(kabkota, n);
        TestAccounts.loginAs(accounts.ensure("uji.pel.head." + kabkota, Role.DISTRICT_HEAD, kabkota));
        List<Long> ids = events.participants(e.id()).stream().map(Participant::beneficiaryId).toList();
        TestAccounts.logout();
        return ids;
    }

    /** A goat-rearing proposal of the year for this person with these lines. */
    public static NewProposal proposal(long beneficiaryId, int year, List<ItemLine> items) {
        return new NewProposal(beneficiaryId, year, BusinessType.GOAT_SHEEP,
                "Beternak kambing etawa untuk susu dan anakan; kandang di pekarangan rumah (rencana uji).",
                "Desa Uji RT 01 RW 02", items);
    }

    /**
     * {@code n} province-approved proposals of trained people of the district (one goat and four sacks of
     * feed each), drafted by {@code operator}, approved by {@code head} and {@code officer}. Logs out afterwards.
     */
    public List<Proposal> provinceApproved(Catalogue c, String kabkota, int n, BerdayaUser operator, BerdayaUser head,
                                           BerdayaUser officer) {
        List<Proposal> out = new java.util.ArrayList<>();
        for (long person : trainedPeople(kabkota, n)) {
            TestAccounts.loginAs(operator);
            Proposal p = proposals.create(proposal(person, c.year(), List.of(new ItemLine(c.goat().id(), 1), new ItemLine(c.feed().id(), 4))));
            p = proposals.submit(p.id(), p.version());
            TestAccounts.loginAs(head);
            p = proposals.approve(p.id(), p.version());
            TestAccounts.loginAs(officer);
            out.add(proposals.approve(p.id(), p.version()));
        }
        TestAccounts.logout();
        return out;
    }

    /** {@code n} synthetic photos (plain drawn PNGs, each of another colour) for a handover. */
    public static List<id.berdaya.grants.handover.HandoverPhoto.Upload> photos(int n) {
        java.awt.Color[] colours = {java.awt.Color.RED, java.awt.Color.BLUE, java.awt.Color.MAGENTA, java.awt.Color.CYAN};
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> new id.berdaya.grants.handover.HandoverPhoto.Upload(
                "foto-uji-" + i + ".png", id.berdaya.core.file.TestPhotos.plain("png", 24, 16, colours[i % colours.length]))).toList();
    }

    public BerdayaUser admin() {
        return accounts.ensure("uji.hibah.admin", Role.PROVINCE_ADMIN, null);
    }
}
