package id.berdaya.archfixture;

import id.berdaya.core.audit.AuditAction;

/** Deliberately broken (architecture test fixture): an audit action made from any String, not a module's enum. */
public record StringAuditCode(String code) implements AuditAction {
}
