package id.berdaya.grants.decree;

import id.berdaya.grants.proposal.BusinessType;

/**
 * One line of the attachment to the decree (lampiran SK): number, the recipient's name, their
 * desa/kelurahan, the business type and the value in whole rupiah. Nothing else of the register:
 * no NIK, no category.
 */
public record DecreeRecipient(int no, long proposalId, String name, String desa, BusinessType businessType, long value) {
}
