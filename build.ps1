#!/usr/bin/env pwsh
# Thin wrapper over the dotnet CLI: ./build.ps1 [restore|build|test|pack|run|bench] [args...]
# Every target is one dotnet command, so the same thing works without PowerShell (see README.md).
param(
    [ValidateSet('restore', 'build', 'test', 'pack', 'run', 'bench')]
    [string]$Target = 'build',
    [Parameter(ValueFromRemainingArguments = $true)]
    [string[]]$Rest = @()
)
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

switch ($Target) {
    'restore' { dotnet restore ClusterActors.sln @Rest }
    'build'   { dotnet build ClusterActors.sln @Rest }
    'test'    { dotnet test ClusterActors.sln @Rest }
    'pack'    { dotnet pack ClusterActors.sln -c Release -o artifacts @Rest }
    'run'     { dotnet run --project src/ClusterActors.Node -- --config hocon/node.conf @Rest }
    'bench'   { dotnet run -c Release --project tests/ClusterActors.Benchmarks -- @Rest }
}
exit $LASTEXITCODE
