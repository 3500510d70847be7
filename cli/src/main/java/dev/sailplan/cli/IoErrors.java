package dev.sailplan.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Says in words why a file operation failed, for one-line messages that already name the path. */
final class IoErrors {
  private IoErrors() {}

  /**
   * Why {@code e} happened to {@code subject}: the operating system's reason ({@code no such file
   * or directory}), preceded by the file it concerns when that is another one (a parent folder).
   * {@link FileSystemException#getMessage()} is often only the path, which says nothing.
   */
  static String reason(IOException e, Path subject) {
    if (e instanceof FileSystemException f) {
      String why = f.getReason() != null ? lowerFirst(f.getReason()) : byType(f);
      String file = f.getFile();
      boolean same =
          file == null
              || Path.of(file)
                  .toAbsolutePath()
                  .normalize()
                  .equals(subject.toAbsolutePath().normalize());
      return same ? why : file + ": " + why;
    }
    return e.getMessage() == null ? "input/output error" : lowerFirst(e.getMessage());
  }

  /** The JDK leaves the reason out of these; their type is the reason. */
  private static String byType(FileSystemException f) {
    if (f instanceof NoSuchFileException) {
      return "no such file or directory";
    } else if (f instanceof AccessDeniedException) {
      return "permission denied";
    } else if (f instanceof FileAlreadyExistsException) {
      return "already exists";
    } else if (f instanceof NotDirectoryException) {
      return "not a directory";
    } else if (f instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    return "file system error";
  }

  /** {@code Is a directory} reads as {@code is a directory} after a colon; acronyms stay. */
  private static String lowerFirst(String s) {
    return s.length() > 1
            && Character.isUpperCase(s.charAt(0))
            && Character.isLowerCase(s.charAt(1))
        ? Character.toLowerCase(s.charAt(0)) + s.substring(1)
        : s;
  }
}
