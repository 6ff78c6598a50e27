; Inno Setup script for the Windows installer (Inno Setup 6, `iscc`).
; packaging/windows/build.ps1 runs:
;   iscc /DAppVersion=0.1.0 /DSourceDir=<onedir> /DOutputDir=<release> packaging\windows\satchel.iss
; WRITTEN, NOT RUN HERE: this repository's machine is Linux; the CI workflow's Windows job
; (.github/workflows/release.yml) is where it runs. See packaging/windows/README.md.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\satchel"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist\release"
#endif

[Setup]
; A fixed AppId: upgrades replace the same installation.
AppId={{6B1E9D0C-4C55-4E0B-9E57-5A7C2F3B8D41}
AppName=Satchel
AppVersion={#AppVersion}
AppPublisher=Satchel
DefaultDirName={autopf}\Satchel
DefaultGroupName=Satchel
DisableProgramGroupPage=yes
; Per-user install needs no administrator (a lawyer's laptop is often managed).
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir={#OutputDir}
OutputBaseFilename=satchel-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\satchel.ico
UninstallDisplayIcon={app}\satchel.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
; Reproducible: no build time in the installer's version resource.
VersionInfoVersion={#AppVersion}
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{autoprograms}\Satchel"; Filename: "{app}\satchel.exe"

[Registry]
; .satchel bundles open in Satchel on their import preview (`satchel.exe FILE`).
Root: HKA; Subkey: "Software\Classes\.satchel"; ValueType: string; ValueName: ""; ValueData: "Satchel.Bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Satchel.Bundle"; ValueType: string; ValueName: ""; ValueData: "Satchel case bundle"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Satchel.Bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\satchel.exe,0"
Root: HKA; Subkey: "Software\Classes\Satchel.Bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\satchel.exe"" ""%1"""

[Run]
Filename: "{app}\satchel.exe"; Description: "{cm:LaunchProgram,Satchel}"; Flags: nowait postinstall skipifsilent
