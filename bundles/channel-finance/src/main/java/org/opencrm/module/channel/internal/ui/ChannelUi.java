package org.opencrm.module.channel.internal.ui;

import java.math.BigDecimal;
import java.util.Locale;

import org.opencrm.ui.Messages;

/** The module's UI messages and small helpers its screens share. */
final class ChannelUi {
    static final String MESSAGES = "org.opencrm.module.channel.internal.ui.messages";

    private ChannelUi() {
    }

    static Messages messages(Locale locale) {
        return Messages.of(ChannelUi.class, MESSAGES, locale);
    }

    /** Grades are configurable: the shipped ones are translated, others show their code. */
    static String grade(Messages msg, String grade) {
        return grade == null ? "" : msg.has("grade." + grade) ? msg.get("grade." + grade) : grade;
    }

    /** A partner's rebate in a run: net sell-in, the reached tier's rate, volume rebate, target bonus, total, settled or not. */
    static void rebateColumns(com.vaadin.ui.Grid<org.opencrm.module.channel.internal.dto.RebateResultData> grid, Messages msg) {
        grid.addColumn(r -> yuan(r.netSellIn())).setCaption(msg.get("rebate.netSellIn"));
        grid.addColumn(r -> r.rate() == null ? "" : r.rate() + " %").setCaption(msg.get("rebate.rate"));
        grid.addColumn(r -> yuan(r.volume())).setCaption(msg.get("rebate.volume"));
        grid.addColumn(r -> yuan(r.bonus())).setCaption(msg.get("rebate.bonus"));
        grid.addColumn(r -> yuan(r.total())).setCaption(msg.get("rebate.total"));
        grid.addColumn(r -> r.creditNoteId() == null ? "" : msg.get("rebate.settled")).setCaption(msg.get("rebate.state"));
    }

    static String yuan(BigDecimal amount) {
        return org.opencrm.platform.api.money.Money.display(amount);
    }
}
