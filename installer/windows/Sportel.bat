@echo off
rem Sportel - Sporteli (clerk desktop), portable for Windows counter PCs. Needs a Java 17 runtime
rem (see README-IT.md); the server address comes from clerk.properties next to this file.
setlocal
set "HERE=%~dp0"
set "JAVA=javaw"
if exist "%HERE%runtime\bin\javaw.exe" set "JAVA=%HERE%runtime\bin\javaw.exe"
if defined SPORTEL_JAVA set "JAVA=%SPORTEL_JAVA%"
rem The Windows JavaFX jars come first, so their classes and native libraries are the ones loaded.
start "" "%JAVA%" -Dsportel.preset="%HERE%clerk.properties" -cp "%HERE%lib\javafx\*;%HERE%lib\sportel-clerk.jar" al.sportel.desktop.Main %*
endlocal
