@echo off
rem Starts the sailplan command (README.txt lists the environment variables; class-data sharing
rem is left to the POSIX launcher).
setlocal
set "SAILPLAN_JAR="
for %%j in ("%~dp0..\lib\sailplan-*.jar") do set "SAILPLAN_JAR=%%~fj"
if not defined SAILPLAN_JAR (
  echo sailplan: no lib\sailplan-*.jar beside bin\; reinstall the distribution 1>&2
  exit /b 1
)
set "SAILPLAN_JAVA=java"
if defined JAVA_HOME set "SAILPLAN_JAVA=%JAVA_HOME%\bin\java"
"%SAILPLAN_JAVA%" -XX:+UseSerialGC %SAILPLAN_JAVA_OPTS% -jar "%SAILPLAN_JAR%" %*
exit /b %ERRORLEVEL%
