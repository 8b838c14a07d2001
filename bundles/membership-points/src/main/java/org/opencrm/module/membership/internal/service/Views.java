package org.opencrm.module.membership.internal.service;

import java.util.List;

import org.opencrm.module.membership.internal.dto.CardData;
import org.opencrm.module.membership.internal.dto.MemberData;
import org.opencrm.module.membership.internal.dto.TxnResult;
import org.opencrm.module.membership.internal.model.Card;
import org.opencrm.module.membership.internal.model.CardStatus;
import org.opencrm.module.membership.internal.model.Member;
import org.opencrm.module.membership.internal.model.Txn;
import org.opencrm.platform.api.money.Money;

/** Entity to DTO. */
final class Views {
    static final String CNY = "CNY";

    private Views() {
    }

    static MemberData member(Member m, List<CardData> cards) {
        return new MemberData(m.id, m.memberNumber, m.contactId, m.name, m.mobile, m.birthday, m.joinStoreAccountId, m.tier, m.status.name(),
                m.pointsBalance, Money.yuan(m.valueBalanceFen), CNY, Money.yuan(m.rollingSpendFen), m.tierSince, m.lastActivityAt, m.createdAt,
                cards);
    }

    static CardData card(Card c) {
        return new CardData(c.id, c.cardNumber, c.memberId, c.parentCardId, c.holderContactId, c.kind.name(), c.status.name(), c.discountPercent,
                c.replacedById, c.issuedAt, c.activatedAt, c.status == CardStatus.ACTIVE);
    }

    static TxnResult txn(Txn t, boolean replayed) {
        return new TxnResult(t.reference, t.kind.name(), t.memberId, t.points, t.pointsBalanceAfter, Money.yuan(t.amountFen),
                Money.yuan(t.bonusFen), Money.yuan(t.valueBalanceAfter), CNY, t.multiplier, t.tierAfter, t.storeAccountId, t.createdAt, replayed);
    }
}
