package de.efa.registry.kernel.adoption;

import de.efa.registry.kernel.common.Uuids;
import de.efa.registry.kernel.cooperation.CooperationId;
import de.efa.registry.kernel.reuse.AgreementId;

/**
 * What a cross-border adoption rests on: a cooperation both states were members of on its first day, or a signed
 * reuse agreement for the service between them, valid on that day. Where both hold, the cooperation is named.
 */
public record CrossBorderBasis(Kind kind, String id) {

    public enum Kind {
        COOPERATION,
        AGREEMENT
    }

    public CrossBorderBasis {
        if (kind == null) {
            throw new IllegalArgumentException("a legal basis names its kind");
        }
        Uuids.require(id, "legal basis id");
    }

    public static CrossBorderBasis cooperation(CooperationId cooperationId) {
        return new CrossBorderBasis(Kind.COOPERATION, cooperationId.value());
    }

    public static CrossBorderBasis agreement(AgreementId agreementId) {
        return new CrossBorderBasis(Kind.AGREEMENT, agreementId.value());
    }

    public boolean isAgreement(AgreementId agreementId) {
        return kind == Kind.AGREEMENT && id.equals(agreementId.value());
    }
}
