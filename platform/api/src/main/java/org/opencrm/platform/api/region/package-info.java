/**
 * The company's sales regions (大区) as a catalogue with a name per language: accounts and REGION-scoped users refer
 * to a region by its code (e.g. {@code SOUTH}); screens show its name ({@code 华南}, South China).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.opencrm.platform.api.region;
