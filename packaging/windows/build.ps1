# Windows release: PyInstaller onedir (the shared spec) -> Inno Setup installer and a
# portable ZIP, summed and signed like the Linux release.
# WRITTEN, NOT RUN HERE (Linux machine). Runs in the CI workflow's Windows job.
#   pwsh packaging/windows/build.ps1
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $Root
if (-not $env:SOURCE_DATE_EPOCH) { $env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct) }
$env:PYTHONHASHSEED = "0"

python -m venv build-venv
# Windows-only PyInstaller dependencies (pywin32-ctypes, pefile) are not in the Linux-compiled
# requirements file: the job compiles a Windows one from the same .in with hashes first.
build-venv\Scripts\python -m pip install pip-tools
build-venv\Scripts\pip-compile --generate-hashes --allow-unsafe --strip-extras `
  --output-file packaging\requirements-build-windows.txt packaging\requirements-build.in
build-venv\Scripts\python -m pip install --require-hashes --no-deps -r packaging\requirements-build-windows.txt
build-venv\Scripts\python -m pip install --no-deps --no-build-isolation --no-index .

$Version = build-venv\Scripts\python -c "import satchel; print(satchel.__version__)"
build-venv\Scripts\python -m PyInstaller --noconfirm --distpath dist\work --workpath dist\build `
  packaging\pyinstaller\satchel.spec
$Onedir = "dist\satchel-$Version-windows-x64"
Move-Item dist\work\satchel $Onedir
New-Item -ItemType Directory -Force dist\release | Out-Null

# Installer.
iscc /DAppVersion=$Version /DSourceDir="$Root\$Onedir" /DOutputDir="$Root\dist\release" `
  packaging\windows\satchel.iss

# Portable ZIP: the same folder plus the satchel.portable marker (portable mode keeps
# everything under Data\ beside the executable; see docs/user-guide).
$Portable = "dist\portable\satchel-$Version-windows-x64-portable"
New-Item -ItemType Directory -Force $Portable | Out-Null
Copy-Item -Recurse "$Onedir\*" $Portable
New-Item -ItemType File "$Portable\satchel.portable" | Out-Null
Compress-Archive -Path $Portable -DestinationPath "dist\release\satchel-$Version-windows-x64-portable.zip"

# Authenticode signing, when a certificate is provided (secrets of the CI job):
#   signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 `
#     /f $env:WINDOWS_CERT_PFX /p $env:WINDOWS_CERT_PASSWORD dist\release\*.exe
# Sums and the Ed25519 signature, as on Linux.
build-venv\Scripts\python packaging\release.py dist\release
