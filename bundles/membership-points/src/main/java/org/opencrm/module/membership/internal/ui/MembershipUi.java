package org.opencrm.module.membership.internal.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.opencrm.module.membership.internal.service.CardService;
import org.opencrm.module.membership.internal.service.LedgerService;
import org.opencrm.module.membership.internal.service.MemberService;
import org.opencrm.module.membership.internal.service.PromotionService;
import org.opencrm.module.membership.internal.service.Rules;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.platform.api.customer.CustomerDirectory;
import org.opencrm.ui.Fields;
import org.opencrm.ui.Messages;

import com.vaadin.ui.TextField;

/** The module's UI messages, the services its screens call, and small helpers they share. */
final class MembershipUi {
    static final String MESSAGES = "org.opencrm.module.membership.internal.ui.messages";
    /** The members screen; {@code members/<id>} opens one member's page. */
    static final String MEMBERS = "members";

    record Services(MemberService members, CardService cards, LedgerService ledger, PromotionService promotions, Rules rules,
            CustomerDirectory customers) {
        List<String> tiers() {
            return rules.terms().tiers().stream().map(Rules.Tier::name).toList();
        }
    }

    private MembershipUi() {
    }

    static Messages messages(Locale locale) {
        return Messages.of(MembershipUi.class, MESSAGES, locale);
    }

    /** Tiers are configurable: the shipped ones are translated, others show their name. */
    static String tier(Messages msg, String tier) {
        return tier == null ? "" : msg.has("tier." + tier) ? msg.get("tier." + tier) : tier;
    }

    static String yuan(BigDecimal amount) {
        return org.opencrm.platform.api.money.Money.display(amount);
    }

    /** A typed amount of yuan; the service checks sign and scale, this only turns text into a number. */
    static BigDecimal amount(TextField f, String field, Messages msg) {
        String v = Fields.typed(f.getValue());
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.replace(",", "").replace("¥", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, msg.get("amount.notNumber", v), "membership.notAnAmount", v);
        }
    }

    static Long whole(TextField f, String field, Messages msg) {
        String v = Fields.typed(f.getValue());
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, msg.get("number.notWhole", v), "membership.notWhole", v);
        }
    }
}
