package org.opencrm.platform.core.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A refused row of an import (the first thousand of an import are kept), committed with its chunk. */
@Entity
@Table(name = "CRM_IMPORT_ERROR", indexes = @Index(name = "CRM_IMPORT_ERROR_IMPORT", columnList = "IMPORTID,LINE"))
public class ImportError {
    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "importErrorIds")
    @TableGenerator(name = "importErrorIds", table = "CRM_SEQUENCE", pkColumnValue = "IMPORT_ERROR", allocationSize = 500)
    public Long id;
    public long importId;
    public long line;
    @Column(length = 64)
    public String field;
    @Column(length = 500)
    public String message;
}
