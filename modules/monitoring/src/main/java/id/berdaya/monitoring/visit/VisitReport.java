package id.berdaya.monitoring.visit;

import id.berdaya.monitoring.ledger.AssetReport;
import id.berdaya.monitoring.reintegration.FlagKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the visit form records. When the person was not met only the date and the reason count;
 * otherwise the business (a reason unless running), the month's turnover and profit (rupiah),
 * acceptance, the risk flags found (with a note), notes, needs, referrals (e.g. Dinkes), what became
 * of each item handed over, and one to three photos (JPEG or PNG; re-encoded without metadata).
 */
public record VisitReport(LocalDate visitedOn, boolean personMet, String notMetReason, Visit.Business business,
                          String businessReason, Long turnover, Long profit, Visit.Acceptance workAcceptance,
                          Visit.Acceptance familyAcceptance, Visit.Acceptance communityAcceptance, Set<FlagKind> flags,
                          String flagNote, String notes, String needs, String referrals, List<AssetReport> assets,
                          List<byte[]> photos, int version) {
}
