package org.opencrm.module.channel.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.opencrm.module.channel.internal.service.CreditRefusedException;
import org.opencrm.module.channel.internal.service.Grades;
import org.opencrm.platform.api.ConflictException;
import org.opencrm.platform.api.InvalidInputException;
import org.opencrm.ui.Feedback;

/**
 * The refusals staff see most, as the order window and the shell's feedback say them: the 409 of the credit check with
 * the limit, the exposure and the shortfall, and a status said by its catalogue entry, in English and in Chinese.
 */
class RefusalTextTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static String said(CreditRefusedException e, Locale locale) {
        return OrderWindow.refusal(ChannelUi.messages(locale), e);
    }

    private static String said(RuntimeException e, Locale locale) {
        return Feedback.describe((org.opencrm.platform.api.CrmException) e, locale, ChannelUi.messages(locale));
    }

    @Test
    void anOrderOverTheCreditLimitNamesTheLimitTheExposureAndTheShortfall() {
        CreditRefusedException e = new CreditRefusedException("credit_limit", "the order takes 华东一级代理's exposure to 1012345.60 CNY, ...",
                CreditRefusedException.KEY_LIMIT, 100_000_000L, 101_234_560L, null);
        assertEquals("Credit limit exceeded: with this order the partner's exposure (open receivables and orders not yet invoiced, this one included) would be"
                + " ¥1,012,345.60, ¥12,345.60 over the credit limit of ¥1,000,000.00.", said(e, Locale.ENGLISH));
        assertEquals("信用额度不足：计入本单后，该伙伴的信用占用（未回款应收账款 + 未开票订单，含本单）将达 ¥1,012,345.60，超过信用额度 ¥1,000,000.00，差额 ¥12,345.60。",
                said(e, ZH));
    }

    @Test
    void aPartnerOnHoldOrWithAnOverdueInvoiceIsToldWhy() {
        CreditRefusedException hold = new CreditRefusedException("credit_hold", "partner X is ON_HOLD", CreditRefusedException.KEY_HOLD, 1_000_000L, 250_050L,
                "status.ON_HOLD");
        assertEquals("该伙伴的信用状态为“冻结”，恢复正常前不能下单（信用额度 ¥10,000.00，信用占用 ¥2,500.50）。", said(hold, ZH));
        assertEquals("The partner's credit status is On hold: orders are refused until it is back to normal (credit limit ¥10,000.00, exposure ¥2,500.50).",
                said(hold, Locale.ENGLISH));
        CreditRefusedException overdue = new CreditRefusedException("credit_overdue", "partner X has an invoice overdue 45 days", CreditRefusedException.KEY_OVERDUE,
                1_000_000L, 0L, 45);
        assertEquals("该伙伴有发票已逾期 45 天，回款前不能下单（信用额度 ¥10,000.00，信用占用 ¥0.00）。", said(overdue, ZH));
    }

    @Test
    void statusesAndShippedGradesAreSaidInTheUsersLanguage() {
        ConflictException notShippable = new ConflictException("invalid_status", "status", "order SO-7 is SUBMITTED: approve it before shipping",
                "channel.order.notShippable", "SO-7", "orderStatus.SUBMITTED");
        assertEquals("订单 SO-7 当前为“已提交”，请先审批再发货。", said(notShippable, ZH));
        assertEquals("Order SO-7 is Submitted: approve it before shipping.", said(notShippable, Locale.ENGLISH));
        InvalidInputException noPrice = new InvalidInputException("lines[0].productCode", "product P1 has no price for grade GOLD", "channel.price.missing",
                "P1", Grades.messageArg("GOLD"));
        assertEquals("产品 P1 没有金牌等级的价格。", said(noPrice, ZH));
        assertEquals("Product P1 has no price for grade VIP.", said(new InvalidInputException("x", "m", "channel.price.missing", "P1", Grades.messageArg("VIP")),
                Locale.ENGLISH));
        InvalidInputException tooMuch = new InvalidInputException("amount", "a write-off is at most ...", "channel.writeOff.tooMuch", new java.math.BigDecimal("1200.50"));
        assertEquals("核销金额不能超过该发票的未收金额 ¥1,200.50。", said(tooMuch, ZH));
    }

    /** A refused IMEI names the handset models by their display names (the bridge passes the registry's names), in either language. */
    @Test
    void aRefusedImeiNamesTheModelsByTheirNames() {
        InvalidInputException unknown = new InvalidInputException("serials", "IMEI 860000000000009 is not a registered unit of 华星 Nova 5",
                "channel.handset.unknown", "860000000000009", "华星 Nova 5");
        assertEquals("IMEI 860000000000009 is not a registered unit of 华星 Nova 5 in the handset registry.", said(unknown, Locale.ENGLISH));
        assertEquals("串号 860000000000009 不是手机登记中 华星 Nova 5 的机器。", said(unknown, ZH));
        InvalidInputException other = new InvalidInputException("serials", "IMEI 860000000000001 is a unit of 华星 Nova 5, not 华星 Nova 6",
                "channel.handset.otherModel", "860000000000001", "华星 Nova 5", "华星 Nova 6");
        assertEquals("IMEI 860000000000001 is a unit of 华星 Nova 5, not of 华星 Nova 6.", said(other, Locale.ENGLISH));
        assertEquals("串号 860000000000001 是 华星 Nova 5 的机器，不是 华星 Nova 6。", said(other, ZH));
        InvalidInputException notInStock = new InvalidInputException("serials", "IMEI 860000000000002 is SOLD, not in stock", "channel.handset.notInStock",
                "860000000000002", "handsetStatus.SOLD");
        assertEquals("IMEI 860000000000002 is not in stock: it is sold.", said(notInStock, Locale.ENGLISH));
    }
}
