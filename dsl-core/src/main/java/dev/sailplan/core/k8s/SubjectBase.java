package dev.sailplan.core.k8s;

/**
 * Factories of {@link Subject}, called on the type (the generated {@code AbstractSubject} extends
 * this class).
 *
 * <pre>{@code
 * Subject team = Subject.group("bookinfo-team");
 * Subject robot = Subject.serviceAccount("ci", "deployer");
 * }</pre>
 */
public abstract class SubjectBase {
  SubjectBase() {}

  /** The API group of users and groups. */
  public static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  /** A group, as the cluster's authenticator names it (an OIDC group, a certificate's O). */
  public static Subject group(String name) {
    return Subject.builder().kind(SubjectKind.GROUP).name(name).apiGroup(RBAC_GROUP).build();
  }

  /** A user, as the cluster's authenticator names it. */
  public static Subject user(String name) {
    return Subject.builder().kind(SubjectKind.USER).name(name).apiGroup(RBAC_GROUP).build();
  }

  /** A service account of a namespace. */
  public static Subject serviceAccount(String namespace, String name) {
    return Subject.builder()
        .kind(SubjectKind.SERVICE_ACCOUNT)
        .name(name)
        .namespace(namespace)
        .build();
  }
}
