@echo off
rem EFCore.DynamoDb build entry point on Windows: the same verbs as build.sh
rem (bootstrap, build, pack, test, sample, bench), implemented in eng\build.ps1.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0eng\build.ps1" %*
exit /b %ERRORLEVEL%
