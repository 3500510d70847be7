package dev.sailplan.codegen.model;

import java.util.List;

/**
 * Everything generated into one Java package: the types of one API group and version, or of
 * several when the config maps them to one package (the Kubernetes core kinds).
 *
 * @param javaPackage the package
 * @param apiVersions the model apiVersions of its kinds, in the order found
 * @param schemaFile the CRD file the package comes from
 * @param types the types, in the order found
 */
public record PackageModel(String javaPackage, List<String> apiVersions, String schemaFile, List<TypeDef> types) {}
