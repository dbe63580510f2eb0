package id.berdaya.grants.proposal;

import java.util.List;

/** A proposal as the form enters it (a new one, or the changes of a draft). */
public record NewProposal(long beneficiaryId, int budgetYear, BusinessType businessType, String businessPlan, String location,
                          List<ItemLine> items) {
}
