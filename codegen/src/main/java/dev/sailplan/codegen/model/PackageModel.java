package dev.sailplan.codegen.model;

import java.util.List;

/**
 * Everything generated into one Java package: the types of one API group and version, of several
 * when the config maps them to one package (the Kubernetes core kinds), or types that several API
 * groups share.
 *
 * @param javaPackage the package
 * @param apiVersions the apiVersions of its kinds in the order found; for a package of shared
 *     types, the apiVersions of the kinds that share them
 * @param shared whether the package holds types that several API groups share
 * @param schemaFile the CRD file the package comes from
 * @param types the types, in the order found
 */
public record PackageModel(
    String javaPackage,
    List<String> apiVersions,
    boolean shared,
    String schemaFile,
    List<TypeDef> types) {}
