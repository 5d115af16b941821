/** Typed gateway configuration: immutable records loaded from YAML and validated at start. */
package org.pstngw.conf;
