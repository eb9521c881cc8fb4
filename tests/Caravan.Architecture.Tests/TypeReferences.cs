using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Caravan.Architecture.Tests;

/// <summary>A use of one type by another: in a signature, an attribute or an instruction of a method body.</summary>
public sealed record TypeReferenceUse(string FromType, string FromNamespace, string ToType, string ToNamespace, string ToAssembly)
{
    public override string ToString() => $"{FromType} uses {ToType} ({ToAssembly})";
}

/// <summary>
/// Every type a compiled assembly refers to, read with Mono.Cecil from the build output beside the tests: signatures,
/// attributes, locals, catch clauses and each instruction of each method body, so a call hidden in a lambda counts too.
/// Compiler-generated nested types (closures, iterators) count as the type that declares them.
/// </summary>
public static class TypeReferences
{
    public static AssemblyDefinition Load(string assemblyName)
    {
        string path = Path.Combine(AppContext.BaseDirectory, assemblyName + ".dll");
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(AppContext.BaseDirectory);
        return AssemblyDefinition.ReadAssembly(path, new ReaderParameters { AssemblyResolver = resolver });
    }

    public static IReadOnlyList<TypeReferenceUse> Of(AssemblyDefinition assembly)
    {
        var uses = new HashSet<TypeReferenceUse>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var owner = Outermost(type);
            if (owner.Namespace.Length == 0) continue; // <Module>, <PrivateImplementationDetails>
            var collector = new Collector(owner, assembly.MainModule, uses);
            collector.Visit(type);
        }
        return uses.ToList();
    }

    /// <summary>The namespace a type lives in, for nested types the one of the type that declares them.</summary>
    public static string NamespaceOf(TypeReference type) => Outermost(type).Namespace;

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    private sealed class Collector(TypeReference owner, ModuleDefinition module, HashSet<TypeReferenceUse> uses)
    {
        public void Visit(TypeDefinition type)
        {
            Add(type.BaseType);
            foreach (var i in type.Interfaces) Add(i.InterfaceType);
            Attributes(type.CustomAttributes);
            foreach (var p in type.GenericParameters) foreach (var c in p.Constraints) Add(c.ConstraintType);
            foreach (var f in type.Fields) { Add(f.FieldType); Attributes(f.CustomAttributes); }
            foreach (var p in type.Properties) { Add(p.PropertyType); Attributes(p.CustomAttributes); }
            foreach (var e in type.Events) Add(e.EventType);
            foreach (var m in type.Methods) Visit(m);
        }

        private void Visit(MethodDefinition method)
        {
            Add(method.ReturnType);
            Attributes(method.CustomAttributes);
            foreach (var p in method.Parameters) Add(p.ParameterType);
            foreach (var g in method.GenericParameters) foreach (var c in g.Constraints) Add(c.ConstraintType);
            foreach (var o in method.Overrides) Member(o);
            if (!method.HasBody) return;
            foreach (var v in method.Body.Variables) Add(v.VariableType);
            foreach (var h in method.Body.ExceptionHandlers) Add(h.CatchType);
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t: Add(t); break;
                    case MethodReference m: Member(m); break;
                    case FieldReference f: Add(f.DeclaringType); Add(f.FieldType); break;
                }
            }
        }

        private void Member(MethodReference m)
        {
            Add(m.DeclaringType);
            Add(m.ReturnType);
            foreach (var p in m.Parameters) Add(p.ParameterType);
            if (m is GenericInstanceMethod g) foreach (var a in g.GenericArguments) Add(a);
        }

        private void Attributes(IEnumerable<CustomAttribute> attributes)
        {
            foreach (var a in attributes) Member(a.Constructor);
        }

        private void Add(TypeReference? type)
        {
            switch (type)
            {
                case null or GenericParameter:
                    return;
                case GenericInstanceType g:
                    Add(g.ElementType);
                    foreach (var a in g.GenericArguments) Add(a);
                    return;
                case TypeSpecification s: // arrays, by-ref, pointers, modifiers
                    Add(s.ElementType);
                    return;
            }
            var target = Outermost(type);
            string assembly = type.Scope switch
            {
                AssemblyNameReference name => name.Name,
                ModuleDefinition m => m.Assembly.Name.Name,
                _ => module.Assembly.Name.Name,
            };
            uses.Add(new TypeReferenceUse(owner.FullName, owner.Namespace, Name(type), target.Namespace, assembly));
        }

        private static string Name(TypeReference type) => type.FullName.Replace('/', '+');
    }
}
