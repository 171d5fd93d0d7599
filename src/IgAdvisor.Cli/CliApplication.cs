using IgAdvisor.Cli.Commands;
using IgAdvisor.Engine.Patients;
using IgAdvisor.Fhir;
using Spectre.Console.Cli;

namespace IgAdvisor.Cli;

/// <summary>Builds and runs the igadvisor command line; one class per verb under Commands/.</summary>
public static class CliApplication
{
    static CliApplication()
    {
        // The engine reads FHIR Bundles through this hook; the FHIR model lives in its own assembly.
        PatientReaders.FhirBundle ??= FhirBundleReader.Read;
    }

    /// <summary>
    /// A lone "-" means standard input: "ask -" and "evaluate --patient -" become "--stdin"
    /// (Spectre reads a lone "-" as a nameless option); a negative number after an option is joined to it.
    /// </summary>
    internal static string[] StandardInputArguments(string[] args)
    {
        var result = new List<string>(args.Length);
        foreach (var arg in args)
        {
            if (arg == "-" && result.Count > 0 && result[^1] is "--patient" or "-p") result[^1] = "--stdin";
            // "--weight -5kg": Spectre would read "-5kg" as an option; joined, the value reaches the
            // command, which refuses it with the option named.
            else if (arg.Length > 1 && arg[0] == '-' && (char.IsDigit(arg[1]) || arg[1] == '.') && result.Count > 0 && result[^1].StartsWith("--", StringComparison.Ordinal) && !result[^1].Contains('='))
                result[^1] = $"{result[^1]}={arg}";
            else result.Add(arg == "-" ? "--stdin" : arg);
        }
        return [.. result];
    }

    public static int Run(string[] args, CliConsole console)
    {
        var registrar = new SingletonRegistrar(console);
        var app = new CommandApp(registrar);
        app.SetDefaultCommand<InteractiveCommand>();
        app.Configure(config =>
        {
            config.SetApplicationName("igadvisor");
            config.PropagateExceptions();
            config.AddCommand<AskCommand>("ask")
                .WithExample(["ask", "IVIG function in APAS"])
                .WithExample(["ask", "IVIG dose in warm AIHA", "--format", "json"]);
            config.AddCommand<EvaluateCommand>("evaluate")
                .WithExample(["evaluate", "--patient", "examples/aps-thrombotic-refractory.json"])
                .WithExample(["evaluate", "--patient", "examples/aiha-warm-severe.fhir.json", "--format", "json"]);
            config.AddCommand<DoseCommand>("dose")
                .WithExample(["dose", "--weight", "82kg", "--height", "165cm", "--sex", "female", "--regimen", "aps.catastrophic.five-day-course"])
                .WithExample(["dose", "--weight", "180lb", "--g-per-kg", "2", "--days", "5", "--product", "privigen", "--format", "json"]);
            config.AddCommand<ConditionsCommand>("conditions").WithExample(["conditions", "--format", "markdown"]);
            config.AddBranch("kb", kb =>
            {
                kb.SetDescription("Knowledge base maintenance.");
                kb.AddCommand<KbValidateCommand>("validate").WithExample(["kb", "validate"]);
            });
        });
        try
        {
            // "ask -" reads standard input; Spectre takes a lone "-" for a nameless option, so it becomes --stdin.
            return app.Run(StandardInputArguments(args));
        }
        catch (CommandParseException e)
        {
            console.Error.WriteLine($"igadvisor: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (CommandRuntimeException e)
        {
            console.Error.WriteLine($"igadvisor: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}

/// <summary>The smallest registrar Spectre needs: the console instance, and commands built on demand.</summary>
internal sealed class SingletonRegistrar(CliConsole console) : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, Func<object>> _factories = new() { [typeof(CliConsole)] = () => console };

    public ITypeResolver Build() => this;

    public void Register(Type service, Type implementation) => _factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory) => _factories[service] = factory;

    public object? Resolve(Type? type)
    {
        if (type is null) return null;
        return _factories.TryGetValue(type, out var factory) ? factory() : Create(type);
    }

    private object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray();
        return constructor.Invoke(arguments);
    }
}
