package id.berdaya.monitoring.demo;

import id.berdaya.core.RuleViolation;
import id.berdaya.core.format.IndonesianFormat;
import id.berdaya.core.region.Kecamatan;
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
import id.berdaya.grants.handover.HandoverService;
import id.berdaya.core.file.DemoPhoto;
import id.berdaya.grants.handover.HandoverPhoto;
import id.berdaya.grants.handover.NewHandover;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.ItemLine;
import id.berdaya.grants.proposal.NewProposal;
import id.berdaya.grants.proposal.Proposal;
import id.berdaya.grants.proposal.ProposalService;
import id.berdaya.monitoring.ledger.Asset;
import id.berdaya.monitoring.ledger.AssetKind;
import id.berdaya.monitoring.ledger.AssetReport;
import id.berdaya.monitoring.ledger.LedgerService;
import id.berdaya.monitoring.reintegration.FlagKind;
import id.berdaya.monitoring.schedule.ScheduleService;
import id.berdaya.monitoring.visit.Visit;
import id.berdaya.monitoring.visit.VisitReport;
import id.berdaya.monitoring.visit.VisitService;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Under the {@code demo} profile, once, after the demo grants: in Purbalingga and Pekalongan a
 * handover in each of the past 14 months (last year's from a small catalogue of last year), so
 * that the visits stand done, due and overdue; the visits that fell due are recorded (kids born,
 * goats sold and one dead, a business stopped, two open risk flags), except every fourth person's,
 * which stay overdue. In Purbalingga the demo field officer covers every kecamatan; Pekalongan's
 * visits stay unassigned. Every act goes through the services as the demo accounts. Synthetic.
 */
@Component
@Profile("demo")
@Order(60)
class DemoMonitoring implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMonitoring.class);
    private static final int MONTHS = 14;

    private record District(String kabkota, String operator, String head, String fieldOfficer) {
    }

    private static final List<District> DISTRICTS = List.of(
            new District("33.03", "operator.purbalingga", "kadinsos.purbalingga", "pendamping.purbalingga"),
            new District("33.26", "operator.pekalongan", "kadinsos.pekalongan", null));

    private final DemoActors actors;
    private final RegionService regions;
    private final CatalogueService catalogue;
    private final BudgetService budget;
    private final EligibilityService eligibility;
    private final ProposalService proposals;
    private final HandoverService handovers;
    private final BeneficiaryService register;
    private final ScheduleService schedule;
    private final VisitService visits;
    private final LedgerService ledger;
    private final Clock clock;

    DemoMonitoring(DemoActors actors, RegionService regions, CatalogueService catalogue, BudgetService budget,
                   EligibilityService eligibility, ProposalService proposals, HandoverService handovers, BeneficiaryService register,
                   ScheduleService schedule, VisitService visits, LedgerService ledger, Clock clock) {
        this.actors = actors;
        this.regions = regions;
        this.catalogue = catalogue;
        this.budget = budget;
        this.eligibility = eligibility;
        this.proposals = proposals;
        this.handovers = handovers;
        this.register = register;
        this.schedule = schedule;
        this.visits = visits;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            LocalDate today = LocalDate.ofInstant(clock.instant(), IndonesianFormat.WIB);
            actors.actAs("admin.provinsi");
            if (!catalogue.list(today.getYear() - 1, false).isEmpty() || catalogue.list(today.getYear(), false).isEmpty()) {
                return; // seeded on an earlier start (or no demo grants)
            }
            List<CatalogueItem> lastYear = lastYearsCatalogue(today.getYear() - 1);
            int handed = 0;
            for (District d : DISTRICTS) {
                handed += seed(d, today, lastYear);
            }
            log.info("Demo profile: {} handovers of the past {} months with their monitoring visits added", handed, MONTHS);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<CatalogueItem> lastYearsCatalogue(int year) {
        actors.actAs("admin.provinsi");
        List<CatalogueItem> items = List.of(
                catalogue.create(new NewCatalogueItem(year, "Kambing Peranakan Etawa betina", ItemGroup.LIVESTOCK, Unit.EKOR, 2_600_000, true)),
                catalogue.create(new NewCatalogueItem(year, "Kandang kambing panggung", ItemGroup.HOUSING, Unit.UNIT, 1_700_000, true)),
                catalogue.create(new NewCatalogueItem(year, "Paket warung kelontong", ItemGroup.STOCK_GOODS, Unit.PAKET, 3_400_000, true)));
        for (District d : DISTRICTS) {
            budget.setCeiling(d.kabkota(), year, 75_000_000, null);
        }
        return items;
    }

    private int seed(District d, LocalDate today, List<CatalogueItem> lastYear) {
        if (d.fieldOfficer() != null) {
            BerdayaUser officer = actors.actAs(d.fieldOfficer());
            actors.actAs(d.head());
            for (Kecamatan k : regions.kecamatan(d.kabkota())) {
                schedule.assignArea(k.code(), officer.id());
            }
        }
        actors.actAs("verifikator.provinsi");
        List<Long> people = new ArrayList<>();
        for (BeneficiaryStatus status : List.of(BeneficiaryStatus.ACTIVE, BeneficiaryStatus.VERIFIED)) {
            register.page(new BeneficiaryFilter(null, null, d.kabkota(), null, null, null, status, null, null, null, false), null, 60)
                    .stream().map(BeneficiarySummary::id).forEach(people::add);
        }
        int handed = 0;
        int next = people.size() - 1; // from the end: DemoGrants took the first ten
        for (int m = MONTHS; m >= 1 && next >= 0; m--) {
            LocalDate on = today.minusMonths(m).minusDays(m % 5);
            while (next >= 0) {
                long person = people.get(next--);
                if (handOver(d, person, on, today, lastYear, handed)) {
                    handed++;
                    break;
                }
            }
        }
        return handed;
    }

    /** One person's handover on {@code on} and their visits that fell due; false if the person cannot have a proposal that year. */
    private boolean handOver(District d, long person, LocalDate on, LocalDate today, List<CatalogueItem> lastYear, int n) {
        int year = on.getYear();
        actors.actAs("admin.provinsi");
        List<CatalogueItem> items = year == today.getYear() ? catalogue.list(year, true) : lastYear;
        CatalogueItem goat = items.stream().filter(i -> i.name().startsWith("Kambing")).findFirst().orElse(null);
        CatalogueItem pen = items.stream().filter(i -> i.name().startsWith("Kandang kambing")).findFirst().orElse(null);
        CatalogueItem stall = items.stream().filter(i -> i.name().startsWith("Paket warung")).findFirst().orElse(null);
        if (goat == null || pen == null || stall == null) {
            return false; // a year whose catalogue someone else set up without these goods: no demo handover in it
        }
        boolean goats = n % 3 != 2;
        try {
            if (!eligibility.of(person, year).eligible()) {
                eligibility.exempt(person, year, "Demo: sudah mengikuti pelatihan keterampilan di Balai Latihan Kerja");
            }
            actors.actAs(d.operator());
            Proposal p = proposals.create(new NewProposal(person, year, goats ? BusinessType.GOAT_SHEEP : BusinessType.GROCERY_STALL,
                    goats ? "Beternak kambing etawa di pekarangan rumah (Demo)." : "Warung kelontong di teras rumah (Demo).",
                    "Desa contoh, Kecamatan contoh (Demo)", goats ? List.of(new ItemLine(goat.id(), 1), new ItemLine(pen.id(), 1))
                    : List.of(new ItemLine(stall.id(), 1))));
            p = proposals.submit(p.id(), p.version());
            actors.actAs(d.head());
            p = proposals.approve(p.id(), p.version());
            actors.actAs("verifikator.provinsi");
            p = proposals.approve(p.id(), p.version());
            actors.actAs(d.operator());
            List<NewHandover.Line> lines = proposals.items(p.id()).stream()
                    .map(i -> new NewHandover.Line(i.catalogueItemId(), i.quantity(), null)).toList();
            handovers.record(new NewHandover(p.id(), p.version(), on, "Balai Desa contoh (Demo)", "Petugas Dinas Sosial (Demo)",
                    "Kepala Seksi Rehabilitasi Sosial", "Dinas Sosial (Demo)", "Kepala Desa contoh (Demo)", "Kepala Desa", lines, null,
                    List.of(new HandoverPhoto.Upload("foto-serah-terima-demo.png", DemoPhoto.png())), false));
        } catch (RuleViolation e) {
            return false;
        }
        actors.actAs(d.fieldOfficer() != null ? d.fieldOfficer() : d.head());
        if (n % 4 == 3) {
            return true; // this person's visits stay overdue
        }
        for (Visit v : visits.ofBeneficiaries(List.of(person))) {
            LocalDate visited = v.dueOn().plusDays(3);
            if (visited.isAfter(today.minusDays(5))) {
                break;
            }
            try {
                record(v, visited, n);
            } catch (RuleViolation e) {
                log.warn("Demo visit {} not recorded: {}", v.id(), e.getMessage());
                break;
            }
        }
        return true;
    }

    /** A visit as the demo found it: kids born at the first, a goat sold at the second, one dead at the third; flags and a stopped business now and then. */
    private void record(Visit v, LocalDate on, int n) {
        List<AssetReport> assets = new ArrayList<>();
        for (Asset a : ledger.assets(v.caseId())) {
            if (a.kind() != AssetKind.LIVESTOCK) {
                assets.add(AssetReport.none(a.id()));
            } else if (v.monthOffset() == 1) {
                assets.add(new AssetReport(a.id(), 2, 0, null, 0, null, 0, 0, 0, null, a.balance() + 2));
            } else if (v.monthOffset() == 3 && a.balance() >= 2) {
                assets.add(new AssetReport(a.id(), 0, 1, 1_900_000L, 0, null, 0, 0, 0, null, a.balance() - 1));
            } else if (v.monthOffset() == 6 && a.balance() >= 2) {
                assets.add(new AssetReport(a.id(), 0, 0, null, 1, "Kembung (Demo)", 0, 0, 0, null, a.balance() - 1));
            } else {
                assets.add(AssetReport.none(a.id()));
            }
        }
        Visit.Business business = n % 5 == 4 && v.monthOffset() >= 6 ? Visit.Business.STOPPED
                : n % 3 == 1 ? Visit.Business.PARTLY : Visit.Business.RUNNING;
        Set<FlagKind> flags = v.monthOffset() == 3 && (n == 1 || n == 6) ? Set.of(n == 1 ? FlagKind.FORMER_ACTIVITY : FlagKind.SUBSTANCE_USE)
                : Set.of();
        visits.record(v.id(), new VisitReport(on, true, null, business, business == Visit.Business.RUNNING ? null
                : "Modal terpakai untuk kebutuhan keluarga (Demo)", 900_000L + 150_000L * n, 250_000L + 40_000L * n,
                Visit.Acceptance.GOOD, n % 2 == 0 ? Visit.Acceptance.GOOD : Visit.Acceptance.FAIR, Visit.Acceptance.FAIR, flags,
                flags.isEmpty() ? null : "Dilaporkan tetangga (Demo)", "Kunjungan rutin (Demo)", n % 2 == 0 ? "Pelatihan pemasaran" : null,
                n == 2 ? "Dinkes: pemeriksaan kesehatan" : null, assets, List.of(), v.version()));
    }
}
