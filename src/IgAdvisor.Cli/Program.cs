using IgAdvisor.Cli;

return CliApplication.Run(args, CliConsole.System());
