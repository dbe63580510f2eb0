package id.berdaya.grants.demo;

import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kabkota;
import id.berdaya.core.region.RegionService;
import id.berdaya.core.security.BerdayaUser;
import id.berdaya.core.user.DemoActors;
import id.berdaya.grants.budget.BudgetService;
import id.berdaya.grants.catalogue.CatalogueItem;
import id.berdaya.grants.catalogue.CatalogueService;
import id.berdaya.grants.catalogue.ItemGroup;
import id.berdaya.grants.catalogue.NewCatalogueItem;
import id.berdaya.grants.catalogue.Unit;
import id.berdaya.grants.eligibility.EligibilityService;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.HistoryEntry;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.handover.HandoverPhoto;
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.grants.handover.NewHandover;
import id.berdaya.grants.proposal.NewProposal;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.registry.beneficiary.BeneficiaryFilter;
import id.berdaya.registry.beneficiary.BeneficiaryService;
import id.berdaya.registry.beneficiary.BeneficiaryStatus;
import id.berdaya.registry.beneficiary.BeneficiarySummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Under the {@code demo} profile, once, after the demo training: this year's unit-price catalogue,
 * a pagu for all 35 kabupaten/kota, and in Purbalingga and Pekalongan proposals in every state
 * (a draft, one returned for revision, one rejected, four waiting for the district head, one
 * waiting for the province, one approved by the province, one handed over with its BAST), so that {@code kadinsos.purbalingga}
 * finds a full inbox and {@code verifikator.provinsi} a province step waiting. Every act goes
 * through the services as the demo accounts, so it is audited like real work; then each
 * proposal's history is moved days and weeks into the past ({@link #DAYS_AGO}), so that the
 * inbox's waiting times look like an office's (the audit trail keeps the real times of the
 * seeding). Synthetic throughout.
 */
@Component
@Profile("demo")
@Order(50)
class DemoGrants implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGrants.class);

    /** A district and the demo accounts that act there. */
    private record District(String kabkota, String operator, String head) {
    }

    private static final List<District> DISTRICTS = List.of(new District("33.03", "operator.purbalingga", "kadinsos.purbalingga"),
            new District("33.26", "operator.pekalongan", "kadinsos.pekalongan"));

    /** What the demo proposals ask for, in turn: business type, plan, items by catalogue name and quantity. */
    private record Plan(BusinessType type, String text, Map<String, Integer> items) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan(BusinessType.GOAT_SHEEP, "Beternak kambing etawa: dua induk, anakan dijual saat Iduladha; kandang di belakang rumah.",
                    Map.of("Kambing Peranakan Etawa betina", 1, "Kandang kambing panggung", 1, "Pakan konsentrat (sak 50 kg)", 1)),
            new Plan(BusinessType.GROCERY_STALL, "Membuka warung kelontong di teras rumah, dekat sekolah dasar desa.",
                    Map.of("Paket warung kelontong", 1)),
            new Plan(BusinessType.POULTRY, "Beternak ayam kampung petelur; telur dijual ke warung sekitar.",
                    Map.of("Ayam kampung petelur", 25, "Kandang ayam", 1, "Dedak", 50)),
            new Plan(BusinessType.SEWING, "Menerima jahitan dan permak pakaian di rumah; pernah ikut pelatihan menjahit.",
                    Map.of("Mesin jahit portabel", 1, "Paket perlengkapan jahit", 1)),
            new Plan(BusinessType.GOAT_SHEEP, "Beternak domba garut untuk dijual menjelang hari raya.",
                    Map.of("Domba garut", 1, "Pakan konsentrat (sak 50 kg)", 4)),
            new Plan(BusinessType.FOOD_PROCESSING, "Membuat keripik singkong dan peyek untuk dititipkan di warung.",
                    Map.of("Paket alat olahan pangan", 1)));

    /**
     * How many days ago each history entry of the demo proposals happened, by the proposal's index
     * (0 the draft; 1 returned; 2 rejected; 3 approved by the district; 4 handed over today; 5
     * approved by the province; 6 to 9 waiting for the head): the inbox shows waiting times of days
     * and weeks, oldest first.
     */
    private static final int[][] DAYS_AGO = {{3}, {14, 12, 7}, {20, 18, 11}, {26, 21, 8}, {45, 40, 33, 20, 0}, {35, 30, 24, 10},
            {18, 16}, {11, 9}, {6, 5}, {3, 2}};

    private final DemoActors actors;
    private final DemoTimesRepository times;
    private final RegionService regions;
    private final CatalogueService catalogue;
    private final BudgetService budget;
    private final EligibilityService eligibility;
    private final ProposalService proposals;
    private final HandoverService handovers;
    private final BeneficiaryService register;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoGrants(DemoActors actors, DemoTimesRepository times, RegionService regions, CatalogueService catalogue, BudgetService budget,
               EligibilityService eligibility, ProposalService proposals, HandoverService handovers, BeneficiaryService register, TransactionTemplate tx,
               Clock clock) {
        this.actors = actors;
        this.times = times;
        this.regions = regions;
        this.catalogue = catalogue;
        this.budget = budget;
        this.eligibility = eligibility;
        this.proposals = proposals;
        this.handovers = handovers;
        this.register = register;
        this.tx = tx;
        this.clock = clock;
    }

    /** The demo catalogue's first item: its presence means the demo was seeded. */
    static final String FIRST_ITEM = "Kambing Peranakan Etawa betina";

    @Override
    public void run(ApplicationArguments args) {
        try {
            int year = LocalDate.ofInstant(clock.instant(), IndonesianFormat.WIB).getYear();
            actors.actAs("admin.provinsi");
            if (catalogue.list(year, false).stream().anyMatch(i -> i.name().equals(FIRST_ITEM))) {
                return; // seeded on an earlier start (items someone else created this year do not count)
            }
            Map<String, CatalogueItem> items = tx.execute(s -> catalogueAndCeilings(year));
            for (District d : DISTRICTS) {
                proposalsOf(d, year, items);
            }
            log.info("Demo profile: grants catalogue, 35 ceilings and proposals in {} districts added", DISTRICTS.size());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Map<String, CatalogueItem> catalogueAndCeilings(int year) {
        actors.actAs("admin.provinsi");
        List<NewCatalogueItem> list = List.of(
                new NewCatalogueItem(year, FIRST_ITEM, ItemGroup.LIVESTOCK, Unit.EKOR, 2_750_000, true),
                new NewCatalogueItem(year, "Domba garut", ItemGroup.LIVESTOCK, Unit.EKOR, 2_400_000, true),
                new NewCatalogueItem(year, "Ayam kampung petelur", ItemGroup.LIVESTOCK, Unit.EKOR, 85_000, true),
                new NewCatalogueItem(year, "Pakan konsentrat (sak 50 kg)", ItemGroup.FEED, Unit.SAK, 320_000, true),
                new NewCatalogueItem(year, "Dedak", ItemGroup.FEED, Unit.KG, 6_000, true),
                new NewCatalogueItem(year, "Kandang kambing panggung", ItemGroup.HOUSING, Unit.UNIT, 1_800_000, true),
                new NewCatalogueItem(year, "Kandang ayam", ItemGroup.HOUSING, Unit.UNIT, 950_000, true),
                new NewCatalogueItem(year, "Mesin jahit portabel", ItemGroup.TOOLS, Unit.UNIT, 2_200_000, true),
                new NewCatalogueItem(year, "Paket perlengkapan jahit", ItemGroup.TOOLS, Unit.PAKET, 450_000, true),
                new NewCatalogueItem(year, "Paket alat olahan pangan", ItemGroup.TOOLS, Unit.PAKET, 1_900_000, true),
                new NewCatalogueItem(year, "Paket peralatan salon", ItemGroup.TOOLS, Unit.PAKET, 2_750_000, true),
                new NewCatalogueItem(year, "Paket warung kelontong", ItemGroup.STOCK_GOODS, Unit.PAKET, 3_500_000, true));
        List<CatalogueItem> created = list.stream().map(catalogue::create).toList();
        for (Kabkota k : regions.kabkota()) {
            if (budget.ceiling(k.code(), year).isPresent()) {
                continue; // a ceiling someone already set stays as it is
            }
            budget.setCeiling(k.code(), year, 150_000_000, null);
        }
        return created.stream().collect(Collectors.toMap(CatalogueItem::name, Function.identity()));
    }

    private void proposalsOf(District d, int year, Map<String, CatalogueItem> items) {
        actors.actAs("verifikator.provinsi");
        List<Long> people = new ArrayList<>();
        for (BeneficiaryStatus status : List.of(BeneficiaryStatus.ACTIVE, BeneficiaryStatus.VERIFIED)) {
            register.page(new BeneficiaryFilter(null, null, d.kabkota(), null, null, null, status, null, null, null, false), null, 10)
                    .stream().map(BeneficiarySummary::id).forEach(people::add);
        }
        people = people.subList(0, Math.min(10, people.size()));
        BerdayaUser operator = actors.actAs(d.operator());
        List<Long> untrained = people.stream().filter(id -> !eligibility.of(id, year).eligible()).toList();
        actors.actAs("admin.provinsi");
        for (long id : untrained) {
            eligibility.exempt(id, year, "Demo: sudah mengikuti pelatihan keterampilan di Balai Latihan Kerja");
        }
        List<Proposal> made = new ArrayList<>();
        DemoActors.actAs(operator);
        for (int i = 0; i < people.size(); i++) {
            Plan plan = PLANS.get(i % PLANS.size());
            List<ItemLine> lines = plan.items().entrySet().stream()
                    .map(e -> new ItemLine(items.get(e.getKey()).id(), e.getValue())).toList();
            Proposal p = proposals.create(new NewProposal(people.get(i), year, plan.type(), plan.text(),
                    "Desa contoh, Kecamatan contoh (Demo)", lines));
            made.add(i == 0 ? p : proposals.submit(p.id(), p.version()));
        }
        // 0 draft; 1 returned; 2 rejected; 3 approved by the district; 4 handed over; 5 approved by the province; the rest wait for the head
        actors.actAs(d.head());
        if (made.size() > 1) {
            proposals.returnForRevision(made.get(1).id(), "Rincian kandang dan lokasi usaha belum jelas", made.get(1).version());
        }
        if (made.size() > 2) {
            proposals.reject(made.get(2).id(), "Sudah menerima bantuan serupa dari program lain tahun ini", made.get(2).version());
        }
        List<Proposal> approved = new ArrayList<>();
        for (int i = 3; i < Math.min(6, made.size()); i++) {
            approved.add(proposals.approve(made.get(i).id(), made.get(i).version()));
        }
        if (approved.size() == 3) {
            actors.actAs("verifikator.provinsi");
            Proposal handed = proposals.approve(approved.get(1).id(), approved.get(1).version());
            proposals.approve(approved.getLast().id(), approved.getLast().version());
            DemoActors.actAs(operator);
            handOver(d, handed);
        }
        actors.actAs("admin.provinsi");
        for (int i = 0; i < made.size(); i++) {
            backdate(made.get(i), DAYS_AGO[i], DISTRICTS.indexOf(d));
        }
    }

    /**
     * Moves a seeded proposal's history into the past: its n-th entry {@code daysAgo[n]} days ago
     * (a few hours earlier in the second district), an entry of today left as it is.
     */
    private void backdate(Proposal p, int[] daysAgo, int district) {
        List<HistoryEntry> history = proposals.history(p.id());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<DemoTimesRepository.Moved> moved = new ArrayList<>();
        for (int n = 0; n < history.size() && n < daysAgo.length; n++) {
            HistoryEntry e = history.get(n);
            LocalDateTime at = daysAgo[n] == 0 ? LocalDateTime.ofInstant(e.at(), ZoneOffset.UTC)
                    : now.minusDays(daysAgo[n]).minusHours(1 + 3L * district + (p.id() % 3));
            moved.add(new DemoTimesRepository.Moved(e.from(), e.to(), at));
        }
        tx.executeWithoutResult(s -> times.backdate(p.kabkotaCode(), p.id(), moved));
    }

    /** Records the handover of a province-approved proposal with every approved item in full (the operator of its district). */
    private void handOver(District d, Proposal p) {
        String office = "Dinas Sosial " + regions.kabkota(d.kabkota()).map(Kabkota::displayName).orElse(d.kabkota());
        List<NewHandover.Line> lines = proposals.items(p.id()).stream()
                .map(i -> new NewHandover.Line(i.catalogueItemId(), i.quantity(), null)).toList();
        handovers.record(new NewHandover(p.id(), p.version(), LocalDate.ofInstant(clock.instant(), IndonesianFormat.WIB),
                "Balai Desa contoh, Kecamatan contoh (Demo)", "Petugas Dinas Sosial (Demo)", "Kepala Seksi Rehabilitasi Sosial",
                office, "Kepala Desa contoh (Demo)", "Kepala Desa", lines, null,
                List.of(new HandoverPhoto.Upload("foto-serah-terima-demo.png", id.berdaya.core.file.DemoPhoto.png())), false));
    }
}
