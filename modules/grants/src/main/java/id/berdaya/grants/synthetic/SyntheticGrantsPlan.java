package id.berdaya.grants.synthetic;

import id.berdaya.grants.catalogue.ItemGroup;
import id.berdaya.grants.catalogue.Unit;
import id.berdaya.grants.proposal.BusinessType;
import id.berdaya.grants.proposal.ProposalState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What synthetic proposals ask for and how far they got: the catalogue (at 2026 prices, 4% less
 * per earlier year), the business plans with their goods (each within Rp 5.000.000), and the
 * share of each state in past budget years (nearly all decided and handed over) and in the current
 * one (many still waiting at a review step).
 */
final class SyntheticGrantsPlan {

    /** A catalogue item at its 2026 price (rupiah). */
    record Item(String name, ItemGroup group, Unit unit, long price2026) {
        long price(int year) {
            return Math.round(price2026 * Math.pow(0.96, 2026 - year) / 5_000) * 5_000;
        }
    }

    /** A business plan: its type, its text and the goods by catalogue name and quantity. */
    record Plan(BusinessType type, String text, Map<String, Integer> goods) {
    }

    static final Map<String, Item> CATALOGUE = new LinkedHashMap<>();

    static {
        for (Item i : List.of(
                new Item("Kambing Peranakan Etawa betina", ItemGroup.LIVESTOCK, Unit.EKOR, 2_750_000),
                new Item("Domba garut", ItemGroup.LIVESTOCK, Unit.EKOR, 2_400_000),
                new Item("Ayam kampung petelur", ItemGroup.LIVESTOCK, Unit.EKOR, 85_000),
                new Item("Bibit ikan lele (1.000 ekor)", ItemGroup.LIVESTOCK, Unit.PAKET, 450_000),
                new Item("Pakan konsentrat (sak 50 kg)", ItemGroup.FEED, Unit.SAK, 320_000),
                new Item("Dedak", ItemGroup.FEED, Unit.KG, 6_000),
                new Item("Pakan ikan apung (sak 30 kg)", ItemGroup.FEED, Unit.SAK, 390_000),
                new Item("Kandang kambing panggung", ItemGroup.HOUSING, Unit.UNIT, 1_800_000),
                new Item("Kandang ayam", ItemGroup.HOUSING, Unit.UNIT, 950_000),
                new Item("Kolam terpal bulat", ItemGroup.HOUSING, Unit.UNIT, 1_250_000),
                new Item("Mesin jahit portabel", ItemGroup.TOOLS, Unit.UNIT, 2_200_000),
                new Item("Paket perlengkapan jahit", ItemGroup.TOOLS, Unit.PAKET, 450_000),
                new Item("Paket alat olahan pangan", ItemGroup.TOOLS, Unit.PAKET, 1_900_000),
                new Item("Paket peralatan salon", ItemGroup.TOOLS, Unit.PAKET, 2_750_000),
                new Item("Paket peralatan tambal ban", ItemGroup.TOOLS, Unit.PAKET, 2_300_000),
                new Item("Gerobak dorong", ItemGroup.TOOLS, Unit.UNIT, 1_600_000),
                new Item("Paket warung kelontong", ItemGroup.STOCK_GOODS, Unit.PAKET, 3_500_000),
                new Item("Paket bahan warung makan", ItemGroup.STOCK_GOODS, Unit.PAKET, 1_200_000))) {
            CATALOGUE.put(i.name(), i);
        }
    }

    static final List<Plan> PLANS = List.of(
            new Plan(BusinessType.GOAT_SHEEP, "Sintetis: beternak kambing etawa, anakan dijual menjelang Iduladha; kandang di pekarangan.",
                    Map.of("Kambing Peranakan Etawa betina", 1, "Kandang kambing panggung", 1, "Pakan konsentrat (sak 50 kg)", 1)),
            new Plan(BusinessType.GOAT_SHEEP, "Sintetis: beternak domba garut untuk dijual menjelang hari raya.",
                    Map.of("Domba garut", 1, "Pakan konsentrat (sak 50 kg)", 4)),
            new Plan(BusinessType.POULTRY, "Sintetis: beternak ayam kampung petelur; telur dijual ke warung sekitar.",
                    Map.of("Ayam kampung petelur", 25, "Kandang ayam", 1, "Dedak", 50)),
            new Plan(BusinessType.FISH, "Sintetis: budidaya lele di kolam terpal di halaman rumah.",
                    Map.of("Bibit ikan lele (1.000 ekor)", 1, "Kolam terpal bulat", 1, "Pakan ikan apung (sak 30 kg)", 4)),
            new Plan(BusinessType.GROCERY_STALL, "Sintetis: membuka warung kelontong di teras rumah, dekat sekolah dasar desa.",
                    Map.of("Paket warung kelontong", 1)),
            new Plan(BusinessType.FOOD_STALL, "Sintetis: warung makan sederhana di dekat pasar desa, dengan gerobak untuk berjualan pagi.",
                    Map.of("Gerobak dorong", 1, "Paket bahan warung makan", 2)),
            new Plan(BusinessType.FOOD_PROCESSING, "Sintetis: membuat keripik singkong dan peyek untuk dititipkan di warung.",
                    Map.of("Paket alat olahan pangan", 1, "Paket bahan warung makan", 1)),
            new Plan(BusinessType.SEWING, "Sintetis: menerima jahitan dan permak pakaian di rumah.",
                    Map.of("Mesin jahit portabel", 1, "Paket perlengkapan jahit", 1)),
            new Plan(BusinessType.SALON, "Sintetis: salon rambut dan rias sederhana di rumah.",
                    Map.of("Paket peralatan salon", 1)),
            new Plan(BusinessType.WORKSHOP, "Sintetis: tambal ban dan servis ringan sepeda motor di tepi jalan desa.",
                    Map.of("Paket peralatan tambal ban", 1, "Gerobak dorong", 1)));

    /** The state of a proposal of a past budget year: nearly all handed over. */
    static ProposalState pastState(Random r) {
        int x = r.nextInt(100);
        return x < 80 ? ProposalState.HANDED_OVER : x < 90 ? ProposalState.REJECTED : x < 95 ? ProposalState.WITHDRAWN
                : ProposalState.PROVINCE_APPROVED;
    }

    /** The state of a proposal of the current budget year: many still waiting at a review step. */
    static ProposalState currentState(Random r) {
        int x = r.nextInt(100);
        return x < 8 ? ProposalState.DRAFT : x < 33 ? ProposalState.SUBMITTED : x < 53 ? ProposalState.DISTRICT_APPROVED
                : x < 68 ? ProposalState.PROVINCE_APPROVED : x < 90 ? ProposalState.HANDED_OVER : x < 96 ? ProposalState.REJECTED
                : ProposalState.WITHDRAWN;
    }

    private SyntheticGrantsPlan() {
    }
}
