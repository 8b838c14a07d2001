package org.opencrm.module.membership.internal.model;

import java.time.Instant;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A coupon issued to one member, redeemable once: on a purchase it multiplies the points earned and/or adds bonus
 * points; {@code usedByTxnId} marks it used (set in the transaction of the purchase, under the member's lock).
 */
@Entity
@Table(name = "MP_COUPON", indexes = { @Index(name = "MP_COUPON_CODE", columnList = "CODE", unique = true),
        @Index(name = "MP_COUPON_MEMBER", columnList = "MEMBERID,ID DESC") })
public class Coupon {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "couponIds")
    @TableGenerator(name = "couponIds", table = Member.ID_TABLE, pkColumnValue = "COUPON", allocationSize = 100)
    public Long id;
    @Column(length = 40, nullable = false)
    public String code;
    @Column(nullable = false)
    public Long memberId;
    @Column(length = 100)
    public String name;
    /** null = no multiplier */
    @Column(length = 16)
    public String multiplier;
    public long bonusPoints;
    public LocalDate validUntil;
    public Long usedByTxnId;
    public Instant usedAt;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
}
