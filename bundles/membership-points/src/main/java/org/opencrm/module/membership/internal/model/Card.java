package org.opencrm.module.membership.internal.model;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A card of a member. Balances live on the member (the pool): a child card (parentCardId set, possibly held by
 * another contact, e.g. a family member) uses its parent's member and so the same points and value pool.
 */
@Entity
@Table(name = "MP_CARD", indexes = { @Index(name = "MP_CARD_NUMBER", columnList = "CARDNUMBER", unique = true),
        @Index(name = "MP_CARD_MEMBER", columnList = "MEMBERID,ID"), @Index(name = "MP_CARD_PARENT", columnList = "PARENTCARDID"),
        @Index(name = "MP_CARD_HOLDER", columnList = "HOLDERCONTACTID") })
public class Card {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "cardIds")
    @TableGenerator(name = "cardIds", table = Member.ID_TABLE, pkColumnValue = "CARD", allocationSize = 100)
    public Long id;
    @Column(length = 20, nullable = false)
    public String cardNumber;
    @Column(nullable = false)
    public Long memberId;
    public Long parentCardId;
    /** The contact who carries a child card; null = the member. */
    public Long holderContactId;
    @Enumerated(EnumType.STRING)
    @Column(length = 12, nullable = false)
    public CardKind kind;
    @Enumerated(EnumType.STRING)
    @Column(length = 10, nullable = false)
    public CardStatus status;
    /** Percent of the price paid with a discount card, e.g. 95 (5 % off); null for other kinds. */
    public Integer discountPercent;
    /** The card that replaced this one. */
    public Long replacedById;
    public Long issuedAtStoreAccountId;
    @Column(nullable = false)
    public Instant issuedAt;
    public Instant activatedAt;
    public Instant statusChangedAt;
    @Column(length = 64)
    public String statusChangedBy;
    @javax.persistence.Version
    public long version;
}
