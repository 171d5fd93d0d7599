using IgAdvisor.Cli.Commands;
using Spectre.Console.Cli;

namespace IgAdvisor.Cli;

/// <summary>Builds and runs the igadvisor command line; one class per verb under Commands/.</summary>
public static class CliApplication
{
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
            return app.Run([.. args.Select(a => a == "-" ? "--stdin" : a)]);
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
