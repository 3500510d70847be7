package dev.sailplan.codegen.model;

import java.util.List;

/**
 * Everything generated into one Java package: the types of one API group and version.
 *
 * @param javaPackage the package
 * @param group the API group; for a package of shared types, the group/versions that share them
 * @param version the model version; empty for a package of shared types
 * @param schemaFile the CRD file the package comes from
 * @param types the types, in the order found
 */
public record PackageModel(String javaPackage, String group, String version, String schemaFile, List<TypeDef> types) {}
