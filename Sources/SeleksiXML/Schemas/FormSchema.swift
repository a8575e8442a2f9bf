/// The XML Schema every file in `forms/` must satisfy; `seleksi schema form` prints it for editors.
public enum FormSchema {
    public static let xsd = #"""
<?xml version="1.0" encoding="UTF-8"?>
<!-- Seleksi form definition, version 1. Semantic rules (known fields, choice lists, expressions)
     are checked after this schema by `seleksi check`. -->
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:simpleType name="Id">
    <xs:restriction base="xs:string"><xs:pattern value="[a-z][a-z0-9_]*"/></xs:restriction>
  </xs:simpleType>
  <xs:simpleType name="DefinitionId">
    <xs:restriction base="xs:string"><xs:pattern value="[a-z][a-z0-9_]*"/></xs:restriction>
  </xs:simpleType>
  <xs:complexType name="Text">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute name="lang" use="required">
          <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="id"/><xs:enumeration value="en"/></xs:restriction></xs:simpleType>
        </xs:attribute>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:simpleType name="FieldType">
    <xs:restriction base="xs:string">
      <xs:enumeration value="text"/><xs:enumeration value="integer"/><xs:enumeration value="decimal"/>
      <xs:enumeration value="money"/><xs:enumeration value="boolean"/><xs:enumeration value="date"/>
      <xs:enumeration value="choice"/><xs:enumeration value="multiple-choice"/><xs:enumeration value="nik"/>
      <xs:enumeration value="npwp"/><xs:enumeration value="email"/><xs:enumeration value="phone"/>
      <xs:enumeration value="attachment"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:complexType name="Constraint">
    <xs:sequence><xs:element name="message" type="Text" minOccurs="1" maxOccurs="2"/></xs:sequence>
    <xs:attribute name="test" type="xs:string" use="required"/>
  </xs:complexType>
  <xs:complexType name="Field">
    <xs:sequence>
      <xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"/>
      <xs:element name="hint" type="Text" minOccurs="0" maxOccurs="2"/>
      <xs:element name="constraint" type="Constraint" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="id" type="Id" use="required"/>
    <xs:attribute name="type" type="FieldType" use="required"/>
    <xs:attribute name="required" type="xs:boolean" default="false"/>
    <xs:attribute name="relevant" type="xs:string"/>
    <xs:attribute name="calculate" type="xs:string"/>
    <xs:attribute name="readonly" type="xs:boolean" default="false"/>
    <xs:attribute name="filled-by" default="applicant">
      <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="applicant"/><xs:enumeration value="rater"/></xs:restriction></xs:simpleType>
    </xs:attribute>
    <xs:attribute name="choices" type="Id"/>
    <!-- Personal data (address, birth date, bank account): erased on request, left out of exports.
         Fields of type nik, npwp, phone and email are personal whatever this says. -->
    <xs:attribute name="personal" type="xs:boolean" default="false"/>
  </xs:complexType>
  <xs:complexType name="Repeat">
    <xs:sequence>
      <xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"/>
      <xs:element name="field" type="Field" minOccurs="1" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="id" type="Id" use="required"/>
    <xs:attribute name="min" type="xs:nonNegativeInteger" default="0"/>
    <xs:attribute name="max" type="xs:positiveInteger"/>
    <xs:attribute name="relevant" type="xs:string"/>
  </xs:complexType>
  <xs:element name="form">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="title" type="Text" minOccurs="1" maxOccurs="2"/>
        <xs:element name="note" type="Text" minOccurs="0" maxOccurs="unbounded"/>
        <xs:element name="choices" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:sequence>
              <xs:element name="choice" minOccurs="1" maxOccurs="unbounded">
                <xs:complexType>
                  <xs:sequence><xs:element name="label" type="Text" minOccurs="1" maxOccurs="2"/></xs:sequence>
                  <xs:attribute name="value" type="xs:string" use="required"/>
                </xs:complexType>
              </xs:element>
            </xs:sequence>
            <xs:attribute name="id" type="Id" use="required"/>
          </xs:complexType>
        </xs:element>
        <xs:choice minOccurs="1" maxOccurs="unbounded">
          <xs:element name="field" type="Field"/>
          <xs:element name="repeat" type="Repeat"/>
        </xs:choice>
      </xs:sequence>
      <xs:attribute name="id" type="DefinitionId" use="required"/>
      <xs:attribute name="version" type="xs:string" use="required"/>
      <!-- independent: each actor submits at most once per instance and sees no one else's
           submission before his own (a rater's scoring sheet). -->
      <xs:attribute name="rating">
        <xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="independent"/></xs:restriction></xs:simpleType>
      </xs:attribute>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""#
}
