/**
 * What generated code uses to check objects against their CRD schemas: each model module's codegen
 * writes its kinds' schemas as data and registers one validator per kind, built here.
 */
package dev.sailplan.core.openapi;
