package org.opencrm.module.samplenotes.internal;

import java.time.Instant;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

@Entity
@Table(name = "SN_NOTE", indexes = @Index(name = "SN_NOTE_CONTACT", columnList = "CONTACTID"))
public class SampleNote {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "sampleNoteIds")
    @TableGenerator(name = "sampleNoteIds", table = "SN_SEQUENCE", pkColumnValue = "NOTE", allocationSize = 50)
    public Long id;
    @Column(nullable = false)
    public Long contactId;
    @Column(length = 1000, nullable = false)
    public String text;
    public Instant createdAt;
    @Column(length = 64)
    public String createdBy;
}
