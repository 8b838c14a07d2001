package org.opencrm.module.channel.internal.ui;

import org.opencrm.module.channel.internal.ChannelModule;
import org.opencrm.module.channel.internal.dto.PartnerData;
import org.opencrm.module.channel.internal.service.PartnerService;
import org.opencrm.platform.api.ui.RecordTab;
import org.opencrm.platform.api.ui.UiContext;
import org.opencrm.ui.BaseRecordTab;
import org.opencrm.ui.CrmSession;
import org.opencrm.ui.Messages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.themes.ValoTheme;

/** The account page's "Channel" tab: grade, credit and overdue with a link to the partner's page. */
@Component(service = RecordTab.class)
public class AccountChannelTab extends BaseRecordTab {
    private final PartnerService partners;

    @Activate
    public AccountChannelTab(@Reference PartnerService partners) {
        super("account.channel", Record.ACCOUNT, 40, ChannelModule.READ, ChannelUi::messages, "tab.channel");
        this.partners = partners;
    }

    @Override
    public Object createTab(UiContext context, long accountId) {
        Messages msg = ChannelUi.messages(context.locale());
        if (!partners.isPartner(context.user(), accountId)) {
            return column("account-channel", new Label(msg.get("tab.notPartner")));
        }
        PartnerData p = partners.get(context.user(), accountId, context.locale());
        Label summary = new Label(msg.get("tab.summary", ChannelUi.grade(msg, p.grade()), ChannelUi.yuan(p.creditLimit()), ChannelUi.yuan(p.credit().available()),
                ChannelUi.yuan(p.credit().overdue()), msg.get("status." + p.creditStatus())));
        summary.setId("account-channel-summary");
        Button open = new Button(msg.get("tab.open"), e -> CrmSession.navigate(PartnersEntry.ID + "/" + accountId));
        open.addStyleName(ValoTheme.BUTTON_LINK);
        open.setId("account-channel-open");
        return column("account-channel", summary, open);
    }
}
