/** The test kit's implementation: reading routes off manifests' trees. Not API. */
package dev.sailplan.testing.internal;
